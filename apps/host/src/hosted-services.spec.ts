import { hostedServices } from './hosted-services';

describe('the services a host runs (SERVICES)', () => {
  it('are started in the platform’s order, whatever the order named, each on its own ports when given', () => {
    expect(hostedServices({ SERVICES: 'notify, casework', CASEWORK_PORT: '4102', CASEWORK_METRICS_PORT: '10502' })).toEqual([
      { name: 'casework', port: 4102, metricsPort: 10502 },
      { name: 'notify', port: undefined, metricsPort: undefined },
    ]);
  });

  it('refuse an unknown or repeated service, an empty list, a bad port, and PORT, which every service would read', () => {
    expect(() => hostedServices({ SERVICES: 'casework,casework,payroll', PORT: '3000', NOTIFY_PORT: 'x' })).toThrow(
      /SERVICES: "payroll" is not a service[\s\S]*SERVICES: casework named twice[\s\S]*PORT: not used by a host[\s\S]*/,
    );
    expect(() => hostedServices({ SERVICES: 'casework', CASEWORK_PORT: '70000' })).toThrow(/CASEWORK_PORT: must be a port \(1-65535\), got "70000"/);
    expect(() => hostedServices({})).toThrow(/SERVICES: name the services to run in this process/);
  });
});
