import { ConfigError, loadConfig } from '@mediation/platform';
import { DEV_SURVEY_TOKEN_KEY, surveyTokenKeysVariables } from './casework.config';

describe('SURVEY_TOKEN_KEYS', () => {
  const a = 'survey-token-key-a-of-at-least-32-characters';
  const b = 'survey-token-key-b-of-at-least-32-characters';
  const production = (env: NodeJS.ProcessEnv) => loadConfig(surveyTokenKeysVariables({ NODE_ENV: 'production' }), env);

  it('lists the keys newest first, as written', () => {
    expect(production({ SURVEY_TOKEN_KEYS: `${b}, ${a}` })).toEqual([b, a]);
  });

  it('still takes SURVEY_TOKEN_KEY as a list of one key', () => {
    expect(production({ SURVEY_TOKEN_KEY: a })).toEqual([a]);
  });

  it('refuses both variables at once, naming the alias', () => {
    expect(() => production({ SURVEY_TOKEN_KEYS: a, SURVEY_TOKEN_KEY: b })).toThrow(
      /SURVEY_TOKEN_KEY: set SURVEY_TOKEN_KEYS or its one-key alias SURVEY_TOKEN_KEY, not both/,
    );
  });

  it('is required in production, and defaults to the development key elsewhere', () => {
    expect(() => production({})).toThrow(ConfigError);
    expect(() => production({ SURVEY_TOKEN_KEYS: '  ' })).toThrow(/SURVEY_TOKEN_KEYS: is required in production/);
    expect(loadConfig(surveyTokenKeysVariables({ NODE_ENV: 'development' }), {})).toEqual([DEV_SURVEY_TOKEN_KEY]);
  });

  it('names the variable and the key that is too short, empty or repeated', () => {
    expect(() => production({ SURVEY_TOKEN_KEYS: `${b},short` })).toThrow(/SURVEY_TOKEN_KEYS: key 2 must be at least 32 characters \(it has 5\)/);
    expect(() => production({ SURVEY_TOKEN_KEYS: `${b},,${a}` })).toThrow(/SURVEY_TOKEN_KEYS: key 2 must be at least 32 characters \(it has 0\)/);
    expect(() => production({ SURVEY_TOKEN_KEYS: `${a},${b},${a}` })).toThrow(/SURVEY_TOKEN_KEYS: key 3 repeats key 1/);
    expect(() => production({ SURVEY_TOKEN_KEY: 'short' })).toThrow(/SURVEY_TOKEN_KEY: the key must be at least 32 characters/);
  });
});
