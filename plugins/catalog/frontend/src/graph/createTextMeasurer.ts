import { estimateTextWidth, type MeasureText } from './layoutEntityGraph';

/**
 * Measures node labels with a canvas in the font the graph draws them in
 * (`font` is a CSS font shorthand), so boxes fit their text in any theme or
 * font; falls back to an estimate where there is no canvas (jsdom).
 *
 * @example
 * const measure = createTextMeasurer(`600 13px ${getComputedStyle(svg).fontFamily}`);
 */
export function createTextMeasurer(font: string): MeasureText {
  const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) {
    return estimateTextWidth;
  }
  context.font = font;
  return (text) => context.measureText(text).width;
}
