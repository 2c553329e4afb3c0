import { html } from './html';

// Called through another name so the formatter leaves the markup of these examples exactly as written.
const h = html;

describe('html: the one template helper', () => {
  it('escapes text from the API, so a party named with markup stays text', () => {
    const name = '<script>alert("x")</script> & O’Brien';
    expect(h`<td>${name}</td>`.toString()).toBe('<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; O’Brien</td>');
  });

  it('keeps markup made by html, lists of it, and leaves out null, undefined and false', () => {
    const rows = ['a', 'b'].map((x) => h`<li>${x}</li>`);
    expect(h`<ul>${rows}${null}${undefined}${false}</ul>`.toString()).toBe('<ul><li>a</li><li>b</li></ul>');
  });

  it('escapes quotes in attributes', () => {
    expect(h`<input value="${'" onfocus="x'}">`.toString()).toBe('<input value="&quot; onfocus=&quot;x">');
  });
});
