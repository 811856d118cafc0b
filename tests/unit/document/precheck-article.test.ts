// A dropped file is refused from its name and size before it is read; the refusal must be word
// for word what opening the read bytes would say, for every name an analyst's disk may hold.

import assert from 'node:assert/strict';
import test from 'node:test';
import { parseArticle, precheckArticleFile } from '../../../src/document/open-article.js';
import { MAX_ARTICLE_BYTES } from '../../../src/text/decode.js';

const NAMES = ['report.txt', 'تقرير.md', 'Café\u0301 notes.html', '👨‍👩‍👧‍👦 family.TXT', 'dir/sub\\win.htm', 'no-extension', '.md', 'scan.pdf', 'archive.tar.gz', ''];

test('precheck refuses exactly what parseArticle refuses from the name and size, in the same words', () => {
  for (const name of NAMES) {
    for (const size of [0, 1, MAX_ARTICLE_BYTES, MAX_ARTICLE_BYTES + 1, 21 * 1024 * 1024]) {
      const pre = precheckArticleFile(name, size);
      const full = parseArticle(name, new Uint8Array(size).fill(0x61));
      if (!pre.ok) assert.deepEqual(full, pre, `${JSON.stringify(name)} at ${size} bytes`);
      else {
        assert.ok(size > 0 && size <= MAX_ARTICLE_BYTES, `${JSON.stringify(name)} at ${size} bytes passed the precheck`);
        assert.ok(full.ok, `${JSON.stringify(name)} at ${size} bytes: ${full.ok ? '' : full.error.message}`);
      }
    }
  }
});

test('precheck names the size and the limit for a file over it, and the format for one it accepts', () => {
  const big = precheckArticleFile('huge.txt', 21 * 1024 * 1024);
  assert.equal(big.ok, false);
  assert.equal(!big.ok && big.error.message, 'The file "huge.txt" is 21.0 MB, larger than the 20 MB limit for an article.');
  assert.deepEqual(precheckArticleFile('Almaty.MARKDOWN', 10), { ok: true, value: 'markdown' });
  const pdf = precheckArticleFile('scan.pdf', 10);
  assert.equal(!pdf.ok && pdf.error.code, 'unsupported-type');
});
