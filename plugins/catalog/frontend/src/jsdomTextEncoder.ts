// jsdom lacks TextEncoder, which react-router needs when it loads; component
// tests import this module first.
import { TextDecoder, TextEncoder } from 'node:util';

Object.assign(globalThis, { TextEncoder, TextDecoder });
