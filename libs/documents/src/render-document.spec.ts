import { pdfPages, pdfText } from '@mediation/testing';
import { bullets, keyValues, paragraph, section, table, type Block, type DocumentSpec } from './blocks';
import { renderDocument } from './render-document';

const spec = (body: Block[]): DocumentSpec => ({
  organisation: { name: 'Calm Waters Mediation', address: ['12 Harbour Row', 'London SE1 9PG'] },
  title: 'A test document',
  subtitle: ['REF-2027-000042'],
  reference: 'REF-2027-000042',
  subject: 'Test',
  issuedAt: new Date('2027-06-02T16:00:00Z'),
  body,
});

const filler = (count: number) => Array.from({ length: count }, (_, i) => paragraph(`Filler line ${i + 1}.`));

describe('renderDocument', () => {
  it('draws every kind of block, the title and the organisation’s letterhead', async () => {
    const pdf = await renderDocument(
      spec([
        keyValues([['Reference', 'REF-2027-000042']]),
        section('Summary', paragraph('Arrears of €3,480; the tenant said “I can pay”.'), bullets(['Refer Łukasz to debt advice.'])),
        section(
          'Parties',
          table(
            [
              { title: 'Role', width: 0.4 },
              { title: 'Name', width: 0.6 },
            ],
            [['Defendant', 'Zoë Dvořák']],
          ),
        ),
      ]),
    );
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const expected of [
      'A test document',
      'Calm Waters Mediation',
      '12 Harbour Row',
      'REFERENCE',
      'Summary',
      'Arrears of €3,480; the tenant said “I can pay”.',
      'Refer Łukasz to debt advice.',
      'Role',
      'Zoë Dvořák',
    ])
      expect(text).toContain(expected);
  });

  it('numbers every page "Page n of N" and signs each with the organisation’s name and address', async () => {
    const pages = pdfPages(await renderDocument(spec(filler(150))));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain('Calm Waters Mediation, 12 Harbour Row, London SE1 9PG');
      expect(page).toContain('REF-2027-000042');
    });
  });

  it('keeps a long name and address to one footer line, ending it with an ellipsis', async () => {
    const organisation = {
      name: 'The Community Mediation and Conflict Resolution Service of Greater Manchester CIC',
      address: ['Suite 14, Second Floor', 'Churchgate House', '56 Oxford Street', 'Manchester', 'M1 6EU'],
    };
    const [page] = pdfPages(await renderDocument({ ...spec([paragraph('Body.')]), organisation }));
    const footer = page
      .split('\n')
      .find((line) => line.startsWith('The Community Mediation and Conflict Resolution Service of Greater Manchester CIC, Suite 14'));
    expect(footer).toMatch(/…$/);
  });

  it('never leaves a heading alone at the foot of a page: wherever it falls, it shares a page with the start of its text', async () => {
    let moved = 0;
    for (let lines = 30; lines <= 50; lines++) {
      const pages = pdfPages(
        await renderDocument(
          spec([
            ...filler(lines),
            section(
              'The heading',
              paragraph(
                'First words of the section, long enough to wrap onto a second line when the page is narrow enough; and a third sentence to be sure it wraps.',
              ),
            ),
          ]),
        ),
      );
      const headed = pages.findIndex((page) => page.includes('The heading'));
      expect(pages[headed]).toContain('First words of the section');
      if (headed === 1 && pages[0].includes(`Filler line ${lines}.`)) moved++;
    }
    // Some of those positions put the heading at the foot of page 1, and it went over with its text.
    expect(moved).toBeGreaterThan(0);
  });

  it('keeps a heading with the heading and first row of a section inside it', async () => {
    for (let lines = 30; lines <= 50; lines++) {
      const pages = pdfPages(
        await renderDocument(
          spec([...filler(lines), section('Outer heading', section('Inner heading', keyValues([['First field', 'First value']], 'fields')))]),
        ),
      );
      const headed = pages.findIndex((page) => page.includes('Outer heading'));
      expect(pages[headed]).toContain('Inner heading');
      expect(pages[headed]).toContain('First value');
    }
  });

  it('repeats a table’s header row on every page it runs onto', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => ['4 May 2027', `Call ${i + 1}`]);
    const pages = pdfPages(
      await renderDocument(
        spec([
          section(
            'Timeline',
            table(
              [
                { title: 'When (UK time)', width: 0.3 },
                { title: 'What happened', width: 0.7 },
              ],
              rows,
            ),
          ),
        ]),
      ),
    );
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) expect(page).toContain('When (UK time)');
    expect(pages.at(-1)).toContain('Call 120');
  });

  it('says what an empty table stands for', async () => {
    expect(pdfText(await renderDocument(spec([table([{ title: 'Role', width: 1 }], [], 'No parties were recorded.')])))).toContain('No parties were recorded.');
  });
});
