import { describe, expect, it } from 'vitest';
import { contactPerson, extract, formatRecord, isRelayed, peopleIn, phoneIn } from './contacts.ts';

const only =
  (...ids: string[]) =>
  (id: string) =>
    ids.includes(id);
const none = only();
const DIRECT = 'Hi, this is Dana Whitfield from Northwind Traders Inc. Please call me back at (555) 201-3344.';
const RELAYED =
  'Message taken by Rosa Jimenez (Front Desk Solutions): ' +
  'Owen Gallagher from Vantage Robotics GmbH wants a call back on 415.882.9031.';

describe('reading a message', () => {
  it('finds the people named with their companies', () =>
    expect(peopleIn(RELAYED)).toEqual([
      { first: 'Rosa', last: 'Jimenez', company: 'Front Desk Solutions' },
      { first: 'Owen', last: 'Gallagher', company: 'Vantage Robotics GmbH' },
    ]));
  it('finds phone numbers in the usual spellings', () => {
    expect(phoneIn(DIRECT)).toBe('(555) 201-3344');
    expect(phoneIn('ring 212 555 0199 today')).toBe('212 555 0199');
    expect(phoneIn('no number here')).toBeNull();
  });
  it('tells relayed messages from direct ones', () => {
    expect(isRelayed(RELAYED)).toBe(true);
    expect(isRelayed(DIRECT)).toBe(false);
    expect(contactPerson(RELAYED, false)?.first).toBe('Rosa');
    expect(contactPerson(RELAYED, true)?.first).toBe('Owen');
  });
});

describe('extract step', () => {
  it('without rules: first person, suffix dropped, parenthesised area code dropped', () => {
    expect(extract(DIRECT, none)).toBe('name: Dana Whitfield\ncompany: Northwind Traders\nphone: 201-3344');
    expect(extract(RELAYED, none)).toBe('name: Rosa Jimenez\ncompany: Front Desk Solutions\nphone: 415.882.9031');
  });
  it('each rule fixes its own mistake', () => {
    expect(extract(DIRECT, only('suffix'))).toContain('company: Northwind Traders Inc');
    expect(extract(DIRECT, only('area_code'))).toContain('phone: (555) 201-3344');
    expect(extract(RELAYED, only('relay', 'suffix'))).toContain('name: Owen Gallagher\ncompany: Vantage Robotics GmbH');
  });
  it('the misleading first-name rule drops the last name', () =>
    expect(extract(DIRECT, only('first_name_only'))).toContain('name: Dana\n'));
});

describe('format step', () => {
  const fields = 'name: Dana Whitfield\ncompany: Northwind Traders Inc\nphone: (555) 201-3344';
  it('with only the JSON rule it copies the fields as they are', () =>
    expect(JSON.parse(formatRecord(fields, only('json')))).toEqual({
      name: 'Dana Whitfield',
      company: 'Northwind Traders Inc',
      phone: '(555) 201-3344',
    }));
  it('last_first and dashes give the expected record', () =>
    expect(JSON.parse(formatRecord(fields, only('json', 'last_first', 'dashes')))).toEqual({
      name: 'Whitfield, Dana',
      company: 'Northwind Traders Inc',
      phone: '555-201-3344',
    }));
  it('without the JSON rule the record is not JSON', () =>
    expect(formatRecord(fields, none)).toBe('Dana Whitfield | Northwind Traders Inc | (555) 201-3344'));
  it('the misleading international rule prefixes +1', () =>
    expect(JSON.parse(formatRecord(fields, only('json', 'dashes', 'international'))).phone).toBe('+1 555-201-3344'));
  it('a seven-digit number gets one dash', () =>
    expect(JSON.parse(formatRecord('name: A B\nphone: 201 3344', only('json', 'dashes'))).phone).toBe('201-3344'));
});
