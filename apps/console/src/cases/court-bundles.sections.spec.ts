import { bundleList, madeBy, type CourtBundle } from './court-bundles.sections';

const caseId = '0195f7b4-0000-7000-8000-0000000000c1';
const bundle = (over: Partial<CourtBundle>): CourtBundle => ({
  id: '0195f7b4-0000-7000-8000-0000000000b1',
  title: 'Hearing bundle: claim K00LB123',
  pageCount: 7,
  sha256: 'a'.repeat(64),
  index: [
    { exhibitRef: 'JS/1', description: 'Statement', firstPage: 2, lastPage: 3 },
    { exhibitRef: 'AB/1', description: 'Recording', firstPage: 4, lastPage: 4 },
  ],
  createdBy: 'user:me',
  createdAt: '2026-12-07T10:00:00Z',
  objectDeletedAt: null,
  ...over,
});

describe('a case’s court bundles on its evidence page', () => {
  it('says who made each one as the reader can tell: them, an API key, or another member of staff', () => {
    expect(madeBy('user:me', 'user:me')).toBe('you');
    expect(madeBy('api-key:k1', 'user:me')).toBe('an API key');
    expect(madeBy('user:someone', 'user:me')).toBe('another member of staff');
  });

  it('says there is none yet rather than showing an empty table', () => {
    const page = bundleList(caseId, [], 'user:me').toString();
    expect(page).toContain('No court bundle has been made for this case yet.');
    expect(page).not.toContain('<table');
  });

  it('lists each with its exhibits, when it was made in London time, and a download link; one deleted at retention has no link', () => {
    const kept = bundle({});
    const deleted = bundle({ id: '0195f7b4-0000-7000-8000-0000000000b2', createdBy: 'api-key:k1', objectDeletedAt: '2026-12-08T09:00:00Z' });
    const page = bundleList(caseId, [kept, deleted], 'user:me').toString();
    expect(page).toContain('JS/1, AB/1; 7 pages');
    expect(page).toContain('Monday 7 December 2026 at 10:00am');
    expect(page).toContain('by you');
    expect(page).toContain('by an API key');
    expect(page).toContain(`href="/cases/${caseId}/bundles/${kept.id}"`);
    expect(page).not.toContain(`/bundles/${deleted.id}"`);
    expect(page).toContain('Deleted at retention, Tuesday 8 December 2026 at 9:00am');
  });

  it('escapes a title typed by a person', () => {
    expect(bundleList(caseId, [bundle({ title: '<script>x</script>' })], 'user:me').toString()).not.toContain('<script>');
  });
});
