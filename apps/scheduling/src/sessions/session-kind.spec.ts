import { sessionKindProblems } from './session-kind';

const line = {
  sessionTypes: [
    { key: 'home-visit', label: 'Visit to the service user', mode: 'in-person' as const, heldMilestone: 'visit.held' },
    { key: 'mediation', label: 'Mediation session', mode: 'either' as const, heldMilestone: 'mediation.held' },
    { key: 'remote-mediation', label: 'Remote mediation session', mode: 'remote' as const },
  ],
};

describe('the kind and place of a session', () => {
  it('takes a session type of the case’s service line', () => {
    expect(sessionKindProblems(line, { sessionType: 'mediation', mode: 'video' })).toMatchObject({ type: { key: 'mediation' }, errors: [] });
  });

  it('refuses a kind the service line does not have, listing those it has', () => {
    expect(sessionKindProblems(line, { sessionType: 'workshop', mode: 'video' }).errors).toEqual([
      { field: 'sessionType', message: "must be one of the service line's session types: home-visit, mediation, remote-mediation" },
    ]);
  });

  it('a home visit is in person, and needs a venue or a place', () => {
    expect(sessionKindProblems(line, { sessionType: 'home-visit', mode: 'phone' }).errors[0].field).toBe('mode');
    expect(sessionKindProblems(line, { sessionType: 'home-visit', mode: 'in-person' }).errors).toEqual([
      { field: 'venueId', message: 'an in-person session needs a venueId or a location' },
    ]);
    expect(sessionKindProblems(line, { sessionType: 'home-visit', mode: 'in-person', location: 'the service user’s home' }).errors).toEqual([]);
  });

  it('a remote-only mediation cannot be booked at a venue', () => {
    expect(
      sessionKindProblems(line, { sessionType: 'remote-mediation', mode: 'in-person', venueId: '0195f7b4-0000-7000-8000-000000000001' }).errors[0],
    ).toEqual({ field: 'mode', message: 'a Remote mediation session is held remotely: use video or phone' });
    expect(sessionKindProblems(line, { sessionType: 'remote-mediation', mode: 'video', venueId: '0195f7b4-0000-7000-8000-000000000001' }).errors[0].field).toBe(
      'venueId',
    );
  });
});
