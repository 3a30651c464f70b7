/**
 * Names a page writes across several texts: in a highlight, as a framework renders parts, around
 * template markers. One badge after the whole name, none where the texts are not one line, and
 * none left when the page changes the part the name began in.
 */
// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { allBadges, cleanUp, labels, pageText, setup } from './annotator-fixture';

afterEach(cleanUp);

/** Each badge's place: the id of the nearest element with one, and the text just before it. */
const places = () =>
  allBadges().map((badge) => `${badge.closest('[id]')?.id} ${badge.previousSibling?.textContent}`);

/** A paragraph with React's texts for "{first} {last}": three text nodes. */
function reactName(id: string, first: string, last: string): HTMLElement {
  const p = document.createElement('p');
  p.id = id;
  p.append(first, ' ', last, ' is on call');
  return p;
}

describe('names split across texts', () => {
  it('badges a name split by inline elements or template markers once, after its end', () => {
    setup(
      '<p id="mark">Results for <mark>Ana</mark> Silva</p>' +
        '<p id="bold"><b>Ana</b> <i>Silva</i> wrote</p>' +
        '<p id="lit">Owner: <!--?lit$1$-->Ana<!----> <!--?lit$2$-->Silva<!----></p>' +
        '<p id="nested"><a href="/u/1"><span>Ana </span></a><span><em>Silva</em></span>.</p>',
    );
    expect(labels()).toEqual(['Ana Silva', 'Ana Silva', 'Ana Silva', 'Ana Silva']);
    expect(places()).toEqual(['mark  Silva', 'bold Silva', 'lit Silva', 'nested Silva']);
  });

  it('badges the texts a framework renders for "{first} {last}", and follows their changes', () => {
    const { annotator } = setup('<div id="list"></div>');
    const row = reactName('r', 'Ana', 'Silva');
    document.getElementById('list')!.append(row);
    annotator.flush();
    expect(labels()).toEqual(['Ana Silva']);
    expect(places()).toEqual(['r Silva']);
    const first = row.firstChild as Text;
    first.data = 'Bob'; // the row now shows someone else: no stale badge
    annotator.flush();
    expect(labels()).toEqual([]);
    first.data = 'Ana';
    annotator.flush();
    expect(labels()).toEqual(['Ana Silva']);
    first.remove(); // a part taken away
    annotator.flush();
    expect(labels()).toEqual([]);
    expect(pageText()).toBe(' Silva is on call');
  });

  it('badges a name whose first part the page wrote after the rest', () => {
    const { annotator } = setup('<p id="late"><span id="first"></span> Silva joined</p>');
    document.getElementById('first')!.textContent = 'Ana';
    annotator.flush();
    expect(places()).toEqual(['late  Silva']);
  });

  it('does not join texts a line break, a block or an image separates, or a longer word', () => {
    setup(
      '<p>Ana<br>Silva</p><div><p>Ana</p><p>Silva</p></div><p>Ana<img alt=""> Silva</p>' +
        '<p><mark>Ana</mark> Silvanova</p><p><mark>Ana</mark>Silva</p>' +
        '<p>Ana <textarea>Silva</textarea></p><p>Ana <span contenteditable>Silva</span></p>',
    );
    expect(labels()).toEqual([]);
  });

  it('badges a name whose first letters the page highlights, after its end', () => {
    setup(
      '<p id="picker"><b>An</b>a Silva (2)</p><p id="one"><mark>A</mark>na Silva</p>' +
        '<p id="in">Dean<b></b>a Silva</p><p id="avatar"><span>A</span><span>Ana Silva</span></p>',
    );
    expect(labels()).toEqual(['Ana Silva', 'Ana Silva', 'Ana Silva']);
    expect(places()).toEqual(['picker a Silva', 'one na Silva', 'avatar Ana Silva']);
  });

  it('reads a name or an address on across the places a page lets a long word break', () => {
    setup('<p id="name">Ana Sil<wbr>va wrote to ana@<wbr>example.<wbr>com today</p>');
    expect(labels()).toEqual(['Ana Silva', 'ana@example.com']);
    expect(places()).toEqual(['name va', 'name com']);
    expect(pageText()).toBe('Ana Silva wrote to ana@example.com today');
  });

  it('badges no name that a longer word around it goes on with in the next or last text', () => {
    // A people picker highlights what was typed: these are Mariana Silva and Ana Silvanova.
    setup(
      '<p><mark>Mari</mark>ana Silva</p><p>Mari<b></b><!---->ana Silva</p>' +
        '<p><b>Ana Silva</b>nova</p><p>Ana Silva<strong><u>nova</u></strong> wrote</p>' +
        '<p><b>ana@example.com</b>.au</p><p>x<i>ana@example.com</i></p>',
    );
    expect(labels()).toEqual([]);
  });

  it('badges a name beside other items a page sets apart with no space between', () => {
    // As JSX writes a row: "<span>{name}</span><span>{role}</span>", the CSS spacing them.
    setup(
      '<p id="role"><span>Ana Silva</span><span>Owner</span></p>' +
        '<p id="avatar"><span class="avatar">AS</span><a href="/u">Ana Silva</a></p>' +
        '<p id="tag"><a href="/u">Ana Silva</a><small>admin</small></p>',
    );
    expect(places()).toEqual(['role Ana Silva', 'avatar Ana Silva', 'tag Ana Silva']);
  });

  it('badges a name of a script written without spaces beside the next item too', () => {
    setup('<p id="han"><span>王小明</span><span>说</span></p><p id="mixed">王小明<b>Bob</b></p>');
    expect(places()).toEqual(['han 王小明', 'mixed 王小明']);
  });

  it('still badges a name its own element holds, whatever punctuation is around it', () => {
    setup(
      '<p id="a">(<b>Ana Silva</b>)</p><p id="b"><a href="/u">Ana Silva</a><span>, 2h</span></p>' +
        '<p id="c">Mari<br>Ana Silva</p><div id="d"><p>Mari</p><p>Ana Silva</p></div>',
    );
    expect(places()).toEqual(['a Ana Silva', 'b Ana Silva', 'c Ana Silva', 'd Ana Silva']);
  });

  it('gives a split name and the address right after it one badge, after the name', () => {
    setup(
      '<p id="from">From: <mark>Ana</mark> Silva &lt;ana@example.com&gt;, Ana Silva</p>' +
        '<p id="two"><mark>Ana</mark> Silva wrote to ana@example.com</p>',
    );
    expect(places()).toEqual(['from  Silva', 'two  Silva', 'two  wrote to ana@example.com']);
  });

  it('looks only a few nodes on: a page may put thousands of empty elements in a line', () => {
    const filler = '<span></span><!---->'.repeat(2000);
    setup(`<p>Ana${filler} Silva</p><p>Ana<!----><!----> Silva</p>`);
    expect(labels()).toEqual(['Ana Silva']);
  });

  it('leaves the page its text, and takes the split back when the badges go', () => {
    const html = '<p id="mark">Results for <mark>Ana</mark> Silva, 2 hits</p>';
    const { badges } = setup(html);
    expect(pageText()).toBe('Results for Ana Silva, 2 hits');
    badges.removeAll();
    expect(document.body.innerHTML).toBe(html);
  });
});
