import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Puts `body` between `<!-- name:start -->` and `<!-- name:end -->` in BENCHMARKS.md, replacing what was there,
 * or appends that section when the file has none yet. `format` rewrites the whole section, markers included.
 */
export async function replaceBenchmarkSection(root, name, body, format = (section) => section) {
  const file = path.join(root, 'BENCHMARKS.md');
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const section = format(`${start}\n${body}\n${end}`);
  let text = existsSync(file)
    ? await readFile(file, 'utf8')
    : '# Benchmarks\n\nMeasured on the machine named in each section; rerun the script to refresh it.\n';
  if (text.includes(start) && text.includes(end)) {
    text = text.slice(0, text.indexOf(start)) + section + text.slice(text.indexOf(end) + end.length);
  } else {
    text = `${text.trimEnd()}\n\n${section}\n`;
  }
  await writeFile(file, text);
}
