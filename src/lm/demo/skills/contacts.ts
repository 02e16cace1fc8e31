// The demo model as a two-step contact extractor. Step "extract" copies name, company and phone out
// of a message; step "format" writes them as a JSON record. Without the hidden rules, extract takes
// the first person named (even a receptionist passing a message on), drops company suffixes such as
// "Inc", and drops an area code written in parentheses; format writes "First Last" instead of
// "Last, First" and copies the phone number as written instead of 555-201-3344.
import type { DemoRule, DemoSkill, FeedbackRecord } from '../rules.ts';
import { contactFields, isJsonObject } from '../feedback.ts';

export interface Person {
  first: string;
  last: string;
  company: string;
}

const PERSON =
  /\b([A-Z][a-z]+) ([A-Z][a-zA-Z'-]+)(?: here)?,? (?:from|at|of|with|\()\s*([A-Z&][\w&'-]*(?: [A-Z&][\w&'-]*)*)/g;
const PHONE = /(?:\(\d{3}\)\s?|\b\d{3}[ .-])\d{3}[ .-]\d{4}\b/;
const RELAY = /\bon behalf of\b|\bmessage taken by\b|\bpassing on a message\b|\bcalling for\b/i;
const SUFFIX = /\s+(?:Inc|Ltd|LLC|Corp|GmbH)$/;

export function peopleIn(text: string): Person[] {
  return [...text.matchAll(PERSON)].map((m) => ({
    first: m[1] as string,
    last: m[2] as string,
    company: m[3] as string,
  }));
}

export function phoneIn(text: string): string | null {
  return PHONE.exec(text)?.[0] ?? null;
}

export function isRelayed(text: string): boolean {
  return RELAY.test(text) && peopleIn(text).length >= 2;
}

/** The person the message is really about: after a relay, the second one named. */
export function contactPerson(text: string, followRelay: boolean): Person | null {
  const people = peopleIn(text);
  return (followRelay && isRelayed(text) ? people[1] : people[0]) ?? null;
}

export function extract(message: string, has: (ruleId: string) => boolean): string {
  const person = contactPerson(message, has('relay'));
  let phone = phoneIn(message) ?? 'unknown';
  if (!has('area_code')) phone = phone.replace(/^\(\d{3}\)\s?/, '');
  const name = person ? (has('first_name_only') ? person.first : `${person.first} ${person.last}`) : 'unknown';
  const company = person ? (has('suffix') ? person.company : person.company.replace(SUFFIX, '')) : 'unknown';
  return `name: ${name}\ncompany: ${company}\nphone: ${phone}`;
}

export function formatRecord(fields: string, has: (ruleId: string) => boolean): string {
  const f = contactFields(fields) ?? {};
  const parts = (f.name ?? '').trim().split(/\s+/).filter(Boolean);
  const name = has('last_first') && parts.length >= 2 ? `${parts.slice(1).join(' ')}, ${parts[0]}` : parts.join(' ');
  let phone = (f.phone ?? '').trim();
  if (has('dashes')) {
    const d = phone.replace(/\D/g, '');
    phone =
      d.length === 10
        ? `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`
        : d.length === 7
          ? `${d.slice(0, 3)}-${d.slice(3)}`
          : phone;
  }
  if (has('international')) phone = `+1 ${phone}`;
  const company = (f.company ?? '').trim();
  return has('json') ? JSON.stringify({ name, company, phone }) : `${name} | ${company} | ${phone}`;
}

const fieldsOf = (rec: FeedbackRecord) => contactFields(rec.output) ?? {};

const RULES: DemoRule[] = [
  {
    id: 'relay',
    step: 'extract',
    cues: [/on behalf of/, /\brelay/, /\bwants? (?:to be called|a call) back\b/, /\bpassed the message on\b/],
    phrasings: [
      'When someone calls on behalf of another person, extract the person they are calling for, not the caller.',
      'If the message was relayed by a receptionist or an answering service, ' +
        'the contact is the person who wants the call back.',
      'Take the details of the person who wants to be called back, not of whoever passed the message on.',
    ],
    lesson: 'relayed messages were attributed to the receptionist who passed them on',
    symptom: (rec) => {
      const relayer = peopleIn(rec.inputs)[0];
      return (
        rec.failed &&
        isRelayed(rec.inputs) &&
        relayer !== undefined &&
        (fieldsOf(rec).name ?? '').includes(relayer.first)
      );
    },
  },
  {
    id: 'suffix',
    step: 'extract',
    cues: [/\b(?:inc|ltd|llc|gmbh)\b/, /\blegal suffix/, /\bfull (?:legal |registered )?company name\b/],
    phrasings: [
      'Copy the company name in full, including suffixes such as Inc, Ltd, LLC, Corp or GmbH.',
      'Keep the legal suffix of the company name (Inc, Ltd, GmbH and so on).',
      'Use the full registered company name; do not shorten it.',
    ],
    lesson: 'company names lost their suffix (Inc, Ltd, GmbH …)',
    symptom: (rec) => {
      const company = (fieldsOf(rec).company ?? '').trim();
      return (
        rec.failed &&
        peopleIn(rec.inputs).some((p) => SUFFIX.test(p.company) && p.company.replace(SUFFIX, '') === company)
      );
    },
  },
  {
    id: 'area_code',
    step: 'extract',
    cues: [/area code/, /\ball (?:ten |10 )?digits\b/, /\bparenthes[ie]s\b[^.]*\b(?:phone|number|part)\b/],
    phrasings: [
      'Keep the area code of the phone number, including when it is written in parentheses.',
      'Copy all ten digits of the phone number, area code included.',
      'The digits in parentheses are the area code and are part of the phone number.',
    ],
    lesson: 'area codes written in parentheses went missing from the phone number',
    symptom: (rec) =>
      rec.failed &&
      /^\(\d{3}\)/.test(phoneIn(rec.inputs) ?? '') &&
      (fieldsOf(rec).phone ?? '').replace(/\D/g, '').length === 7,
  },
  {
    id: 'first_name_only',
    step: 'extract',
    misleading: true,
    cues: [/\bfirst name only\b/, /\bonly (?:the )?first name\b/, /\bomit (?:the )?(?:last|family) name\b/],
    phrasings: ['Extract the first name only; last names are not needed.', 'For privacy, omit the last name.'],
    lesson: 'names were too long',
    symptom: (rec) => rec.failed && !/\s|,/.test((fieldsOf(rec).name ?? '').trim()),
  },
  {
    id: 'json',
    step: 'format',
    cues: [/\bjson\b/],
    phrasings: ['Return a JSON object with the keys name, company and phone, and nothing else.'],
    lesson: 'the output was not a JSON object',
    symptom: (rec) => !isJsonObject(rec.output),
  },
  {
    id: 'last_first',
    step: 'format',
    cues: [/\blast,? first\b/, /\bsurname first\b/, /\bfamily name first\b/, /\blast name (?:first|then|followed)\b/],
    phrasings: [
      'Write the name as "Last, First" (family name, a comma, then the given name).',
      'Put the surname first, then a comma and the first name.',
      'Names go last name first, as in "Whitfield, Dana".',
    ],
    lesson: 'names were written "First Last" where "Last, First" was expected',
    symptom: (rec) => {
      const name = (fieldsOf(rec).name ?? '').trim();
      return rec.failed && /\s/.test(name) && !name.includes(',');
    },
  },
  {
    id: 'dashes',
    step: 'format',
    cues: [
      /\d{3}-\d{3}-\d{4}/,
      /\bdashes\b/,
      /\bhyphens?\b[^.]*\b(?:phone|digits|number)/,
      /\b(?:phone|numbers?)\b[^.]*\bhyphen/,
    ],
    phrasings: [
      'Format phone numbers as 555-201-3344: groups of 3, 3 and 4 digits separated by dashes, ' +
        'with no spaces, dots or parentheses.',
      'Write the phone number with dashes only, e.g. 415-882-9031.',
      'Normalise phone numbers to the form 212-555-0199.',
    ],
    lesson: 'phone numbers kept their original punctuation instead of the 555-201-3344 form',
    symptom: (rec) => {
      const phone = (fieldsOf(rec).phone ?? '').trim();
      return rec.failed && phone !== '' && !phone.startsWith('+') && !/^\d{3}-\d{3}-\d{4}$/.test(phone);
    },
  },
  {
    id: 'international',
    step: 'format',
    misleading: true,
    cues: [/\+1\b/, /\binternational (?:format|prefix|dialling|dialing)/, /\bcountry code\b/],
    phrasings: ['Prefix phone numbers with the country code +1.', 'Use the international format for phone numbers.'],
    lesson: 'phone numbers lacked a country code',
    symptom: (rec) => rec.failed && (fieldsOf(rec).phone ?? '').trim().startsWith('+'),
  },
];

export const contactsSkill: DemoSkill = {
  id: 'contacts',
  rules: RULES,
  steps: [
    {
      name: 'format',
      hint: /\bjson\b/,
      recognizes: (text) => /^\s*[-*]?\s*name\s*[:=]/im.test(text) && /^\s*[-*]?\s*phone\s*[:=]/im.test(text),
      answer: (user, has) => formatRecord(user, has),
    },
    {
      name: 'extract',
      hint: /\bextract/,
      recognizes: (text) => PHONE.test(text),
      answer: (user, has) => extract(user, has),
    },
  ],
};
