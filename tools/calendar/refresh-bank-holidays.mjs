#!/usr/bin/env node
// `npm run calendar:refresh -- <downloaded bank-holidays.json>`: replaces the shipped England and
// Wales bank holidays with those of a GOV.UK feed downloaded by hand (these machines cannot reach
// gov.uk), after validating it with the same schema the services use.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TARGET = path.join(ROOT, 'libs/calendar/src/bank-holidays.england-and-wales.json');
const file = process.argv[2];
if (!file || file === '--help') {
  console.log('usage: npm run calendar:refresh -- <path to a downloaded https://www.gov.uk/bank-holidays.json>');
  process.exit(file ? 0 : 1);
}

execFileSync(process.execPath, [path.join(ROOT, 'tools/build/build.mjs')], { cwd: ROOT, stdio: 'ignore' });
const { BankHolidayFeedSchema } = createRequire(import.meta.url)(path.join(ROOT, 'dist/libs/calendar/src/bank-holidays.js'));
let feed;
try {
  feed = BankHolidayFeedSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
} catch (error) {
  const issues = error.issues?.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') ?? error.message;
  console.error(`not a GOV.UK bank holidays feed: ${issues}`);
  process.exit(1);
}
const events = feed['england-and-wales'].events;
writeFileSync(TARGET, `${JSON.stringify({ 'england-and-wales': feed['england-and-wales'] }, null, 2)}\n`);
const dates = events.map((e) => e.date).sort();
console.log(
  `bank holidays: ${events.length} England and Wales dates from ${dates[0]} to ${dates.at(-1)} written to ${path.relative(ROOT, TARGET)}; run npm test, then commit it`,
);
