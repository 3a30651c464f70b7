// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ana, cleanUp, labels, li, setup } from './annotator-fixture';

afterEach(cleanUp);

/** Where each badge is: the text just before it. */
const before = () =>
  [...document.querySelectorAll('[data-presence-lens-badge]')].map(
    (badge) => badge.previousSibling?.textContent?.slice(-9) ?? '',
  );

describe('repeated mentions', () => {
  it('gives "Name <email>" one badge, after the name, however it is written', () => {
    setup(
      '<p id="a">From: Ana Silva &lt;ana@example.com&gt;</p>' +
        '<p>Author: Ana Silva (ana@example.com), Ana Silva</p>' +
        '<p>ANA SILVA - ana@example.com</p>',
    );
    expect(labels()).toEqual(['Ana Silva', 'Ana Silva', 'ANA SILVA']);
    expect(before()).toEqual(['Ana Silva', 'Ana Silva', 'ANA SILVA']);
  });

  it('does so across the elements a mail header is made of', () => {
    setup(
      '<h3><span email="ana@example.com"><span>Ana Silva</span></span> ' +
        '<span><span aria-hidden="true">&lt;</span>ana@example.com<span>&gt;</span></span></h3>',
    );
    expect(labels()).toEqual(['Ana Silva']);
  });

  it('gives a name and the mailto link after it one badge, after the name', () => {
    setup(
      '<p>Owner: Ana Silva (<a href="mailto:ana@example.com">ana@example.com</a>)</p>' +
        '<p>Ana Silva <a href="mailto:ana@example.com">mail her</a></p>' +
        '<p>Ana Silva wrote to <a href="mailto:ana@example.com">her list</a></p>',
    );
    expect(before()).toEqual(['Ana Silva', 'Ana Silva', 'Ana Silva', 'her list']);
  });

  it('gives a mailto link and the address after it one badge, after the link', () => {
    setup(
      '<p>Ask <a href="mailto:ana@example.com">Ana Silva</a>\n   (ana@example.com), Ana Silva</p>' +
        '<p><a href="mailto:ANA@example.com">Ana</a> - Ana Silva</p>' +
        '<p><a href="mailto:ana@example.com">Ana</a> wrote to ana@example.com</p>' +
        '<p><a href="mailto:ana@example.com">Ana</a> (王小明)</p>',
    );
    expect(before()).toEqual(['Ana Silva', 'Ana', 'Ana', 'ample.com', 'Ana', ' (王小明']);
  });

  it('gives an address written later right after a badged link no badge of its own', async () => {
    const { annotator } = setup('<p><a href="mailto:ana@example.com">Ana</a></p>');
    document.querySelector('p')!.append(' <ana@example.com>');
    annotator.flush();
    expect(labels()).toEqual(['ana@example.com']);
    expect(before()).toEqual(['Ana']);
  });

  it('keeps both where words come between, where they are two people, or two blocks', () => {
    setup(
      '<p>Ana Silva and ana@example.com</p><p>Ana Silva, 王小明</p>' +
        '<p>Write to ana@example.com</p><table><tr><td>Ana Silva</td></tr></table>' +
        '<p>Ana Silva</p><div>Ana Silva</div>',
      [ana, li],
    );
    expect(labels()).toEqual([
      'Ana Silva',
      'ana@example.com',
      'Ana Silva',
      '王小明',
      'ana@example.com',
      'Ana Silva',
      'Ana Silva',
      'Ana Silva',
    ]);
  });
});
