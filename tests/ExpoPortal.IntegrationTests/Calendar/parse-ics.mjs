// Reads an .ics file with ical.js (not the library that wrote it) and prints its events as JSON:
// uid, summary, location, status, sequence, and start/end as UTC instants resolved through the file's own VTIMEZONE.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const text = readFileSync(process.argv[2], 'utf8');
const calendar = new ICAL.Component(ICAL.parse(text));
for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
const events = calendar.getAllSubcomponents('vevent').map(c => {
  const e = new ICAL.Event(c);
  return {
    uid: e.uid,
    summary: e.summary,
    location: e.location,
    status: c.getFirstPropertyValue('status'),
    sequence: e.sequence,
    tzid: c.getFirstProperty('dtstart').getParameter('tzid'),
    start: e.startDate.toJSDate().toISOString(),
    end: e.endDate.toJSDate().toISOString(),
  };
});
process.stdout.write(JSON.stringify(events));
