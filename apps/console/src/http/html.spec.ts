import { html } from './html';

describe('html: the one template helper', () => {
  it('escapes text from the API, so a party named with markup stays text', () => {
    const name = '<script>alert("x")</script> & O’Brien';
    expect(html`<td>${name}</td>`.toString()).toBe('<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; O’Brien</td>');
  });

  it('keeps markup made by html, lists of it, and leaves out null, undefined and false', () => {
    const rows = ['a', 'b'].map((x) => html`<li>${x}</li>`);
    expect(
      html`<ul>
        ${rows}${null}${undefined}${false}
      </ul>`.toString(),
    ).toBe('<ul><li>a</li><li>b</li></ul>');
  });

  it('escapes quotes in attributes', () => {
    expect(html`<input value="${'" onfocus="x'}" />`.toString()).toBe('<input value="&quot; onfocus=&quot;x">');
  });
});
