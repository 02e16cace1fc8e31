// Demo task in two steps: "extract" pulls the contact's name, company and phone number out of a
// phone message, "format" writes them as a JSON record ("Last, First", the full company name, the
// phone as 555-201-3344). Messages taken by a receptionist name two people; the contact is the one
// who wants the call back. Two components, so round-robin updates and merges of lineages matter.
// Metric: JSON field match on name, company and phone (partial credit per field).
import { demoTask } from './demoTask.ts';

type Row = { message: string; expected: string };

const ROWS: Row[] = (
  [
    [
      'Hi, this is Dana Whitfield from Northwind Traders Inc. Please call me back at (555) 201-3344.',
      'Whitfield, Dana',
      'Northwind Traders Inc',
      '555-201-3344',
    ],
    [
      'Luis Ortega here, with Bluefin Analytics LLC; best number is 646-555-0142.',
      'Ortega, Luis',
      'Bluefin Analytics LLC',
      '646-555-0142',
    ],
    [
      'Good morning! Priya Natarajan from Copperleaf Studio calling about the invoice. My number is (617) 555-4402.',
      'Natarajan, Priya',
      'Copperleaf Studio',
      '617-555-4402',
    ],
    [
      'Hi, this is Tom Baker at Gridway Answering Service, ' +
        'calling on behalf of Tomasz Kowalski of Maple Street Clinic. Call back on 303-555-6620.',
      'Kowalski, Tomasz',
      'Maple Street Clinic',
      '303-555-6620',
    ],
    [
      'Voicemail: Amara Okafor at Brightline Logistics Ltd, returning your call - 212 555 0199.',
      'Okafor, Amara',
      'Brightline Logistics Ltd',
      '212-555-0199',
    ],
    [
      'Quick note from Henrik Lindqvist (Orchard Labs): the samples arrived, ring me on 503.555.2290 when you can.',
      'Lindqvist, Henrik',
      'Orchard Labs',
      '503-555-2290',
    ],
    [
      'Hi, this is Mei Tanaka from Lumen Health Inc. Please call me back at (202) 555-9183.',
      'Tanaka, Mei',
      'Lumen Health Inc',
      '202-555-9183',
    ],
    [
      'Message taken by Rosa Jimenez (Front Desk Solutions): ' +
        'Owen Gallagher from Vantage Robotics GmbH wants a call back on 415.882.9031.',
      'Gallagher, Owen',
      'Vantage Robotics GmbH',
      '415-882-9031',
    ],
    [
      'Good morning! Sofia Marchetti from Harbor & Pine calling about the invoice. My number is (312) 555-7781.',
      'Marchetti, Sofia',
      'Harbor & Pine',
      '312-555-7781',
    ],
    [
      'Hello, Jamal Bennett of Summit Dental would like a quote. Reach me on 718 555 3316.',
      'Bennett, Jamal',
      'Summit Dental',
      '718-555-3316',
    ],
    [
      'Voicemail: Elena Petrova at Granite Peak Outfitters, returning your call - (555) 201-3344.',
      'Petrova, Elena',
      'Granite Peak Outfitters',
      '555-201-3344',
    ],
    [
      'Alan Price from Meridian Reception ' +
        'passing on a message from Kwame Asante at Acme Corp - please ring 646-555-0142.',
      'Asante, Kwame',
      'Acme Corp',
      '646-555-0142',
    ],
    [
      'Hi, this is Ingrid Haugen from Kessler Maschinenbau GmbH. Please call me back at (617) 555-4402.',
      'Haugen, Ingrid',
      'Kessler Maschinenbau GmbH',
      '617-555-4402',
    ],
    [
      'Rafael Duarte here, with Redwood Bakery Ltd; best number is 303-555-6620.',
      'Duarte, Rafael',
      'Redwood Bakery Ltd',
      '303-555-6620',
    ],
    [
      'Good morning! Chloe Fournier from Silverline Freight Corp calling about the invoice. My number is 212 555 0199.',
      'Fournier, Chloe',
      'Silverline Freight Corp',
      '212-555-0199',
    ],
    [
      'Hi, this is Kate Fowler at Clearcall Messaging, ' +
        'calling on behalf of Arjun Mehta of Northwind Traders Inc. Call back on 503.555.2290.',
      'Mehta, Arjun',
      'Northwind Traders Inc',
      '503-555-2290',
    ],
    [
      'Voicemail: Nadia Haddad at Bluefin Analytics LLC, returning your call - (202) 555-9183.',
      'Haddad, Nadia',
      'Bluefin Analytics LLC',
      '202-555-9183',
    ],
    [
      'Quick note from Felix Brandt (Copperleaf Studio): the samples arrived, ring me on 415.882.9031 when you can.',
      'Brandt, Felix',
      'Copperleaf Studio',
      '415-882-9031',
    ],
    [
      'Hi, this is Grace Mulligan from Maple Street Clinic. Please call me back at (312) 555-7781.',
      'Mulligan, Grace',
      'Maple Street Clinic',
      '312-555-7781',
    ],
    [
      'Message taken by Tom Baker (Gridway Answering Service): ' +
        'Yusuf Demir from Brightline Logistics Ltd wants a call back on 718 555 3316.',
      'Demir, Yusuf',
      'Brightline Logistics Ltd',
      '718-555-3316',
    ],
    [
      'Good morning! Lena Vogel from Orchard Labs calling about the invoice. My number is (555) 201-3344.',
      'Vogel, Lena',
      'Orchard Labs',
      '555-201-3344',
    ],
    [
      'Hello, Marcus Reed of Lumen Health Inc would like a quote. Reach me on 646-555-0142.',
      'Reed, Marcus',
      'Lumen Health Inc',
      '646-555-0142',
    ],
    [
      'Voicemail: Aiko Sato at Vantage Robotics GmbH, returning your call - (617) 555-4402.',
      'Sato, Aiko',
      'Vantage Robotics GmbH',
      '617-555-4402',
    ],
    [
      'Rosa Jimenez from Front Desk Solutions ' +
        'passing on a message from Pedro Alves at Harbor & Pine - please ring 303-555-6620.',
      'Alves, Pedro',
      'Harbor & Pine',
      '303-555-6620',
    ],
    [
      'Hi, this is Hannah Schultz from Summit Dental. Please call me back at 212 555 0199.',
      'Schultz, Hannah',
      'Summit Dental',
      '212-555-0199',
    ],
    [
      'Omar Farouk here, with Granite Peak Outfitters; best number is 503.555.2290.',
      'Farouk, Omar',
      'Granite Peak Outfitters',
      '503-555-2290',
    ],
    [
      'Good morning! Zoe Campbell from Acme Corp calling about the invoice. My number is (202) 555-9183.',
      'Campbell, Zoe',
      'Acme Corp',
      '202-555-9183',
    ],
    [
      'Hi, this is Alan Price at Meridian Reception, ' +
        'calling on behalf of Viktor Novak of Kessler Maschinenbau GmbH. Call back on 415.882.9031.',
      'Novak, Viktor',
      'Kessler Maschinenbau GmbH',
      '415-882-9031',
    ],
    [
      'Voicemail: Isla McKenzie at Redwood Bakery Ltd, returning your call - (312) 555-7781.',
      'McKenzie, Isla',
      'Redwood Bakery Ltd',
      '312-555-7781',
    ],
    [
      'Quick note from Daniel Osei (Silverline Freight Corp): ' +
        'the samples arrived, ring me on 718 555 3316 when you can.',
      'Osei, Daniel',
      'Silverline Freight Corp',
      '718-555-3316',
    ],
    [
      'Hi, this is Tomasz Kowalski from Northwind Traders Inc. Please call me back at (555) 201-3344.',
      'Kowalski, Tomasz',
      'Northwind Traders Inc',
      '555-201-3344',
    ],
    [
      'Message taken by Kate Fowler (Clearcall Messaging): ' +
        'Elena Petrova from Bluefin Analytics LLC wants a call back on 646-555-0142.',
      'Petrova, Elena',
      'Bluefin Analytics LLC',
      '646-555-0142',
    ],
    [
      'Good morning! Felix Brandt from Copperleaf Studio calling about the invoice. My number is (617) 555-4402.',
      'Brandt, Felix',
      'Copperleaf Studio',
      '617-555-4402',
    ],
    [
      'Hello, Hannah Schultz of Maple Street Clinic would like a quote. Reach me on 303-555-6620.',
      'Schultz, Hannah',
      'Maple Street Clinic',
      '303-555-6620',
    ],
    [
      'Voicemail: Luis Ortega at Brightline Logistics Ltd, returning your call - 212 555 0199.',
      'Ortega, Luis',
      'Brightline Logistics Ltd',
      '212-555-0199',
    ],
    [
      'Tom Baker from Gridway Answering Service ' +
        'passing on a message from Sofia Marchetti at Orchard Labs - please ring 503.555.2290.',
      'Marchetti, Sofia',
      'Orchard Labs',
      '503-555-2290',
    ],
    [
      'Hi, this is Arjun Mehta from Lumen Health Inc. Please call me back at (202) 555-9183.',
      'Mehta, Arjun',
      'Lumen Health Inc',
      '202-555-9183',
    ],
    [
      'Aiko Sato here, with Vantage Robotics GmbH; best number is 415.882.9031.',
      'Sato, Aiko',
      'Vantage Robotics GmbH',
      '415-882-9031',
    ],
    [
      'Good morning! Daniel Osei from Harbor & Pine calling about the invoice. My number is (312) 555-7781.',
      'Osei, Daniel',
      'Harbor & Pine',
      '312-555-7781',
    ],
    [
      'Hi, this is Rosa Jimenez at Front Desk Solutions, ' +
        'calling on behalf of Mei Tanaka of Summit Dental. Call back on 718 555 3316.',
      'Tanaka, Mei',
      'Summit Dental',
      '718-555-3316',
    ],
    [
      'Voicemail: Rafael Duarte at Granite Peak Outfitters, returning your call - (555) 201-3344.',
      'Duarte, Rafael',
      'Granite Peak Outfitters',
      '555-201-3344',
    ],
    [
      'Quick note from Lena Vogel (Acme Corp): the samples arrived, ring me on 646-555-0142 when you can.',
      'Vogel, Lena',
      'Acme Corp',
      '646-555-0142',
    ],
    [
      'Hi, this is Viktor Novak from Kessler Maschinenbau GmbH. Please call me back at (617) 555-4402.',
      'Novak, Viktor',
      'Kessler Maschinenbau GmbH',
      '617-555-4402',
    ],
    [
      'Message taken by Alan Price (Meridian Reception): ' +
        'Amara Okafor from Redwood Bakery Ltd wants a call back on 303-555-6620.',
      'Okafor, Amara',
      'Redwood Bakery Ltd',
      '303-555-6620',
    ],
    [
      'Good morning! Kwame Asante from Silverline Freight Corp calling about the invoice. My number is 212 555 0199.',
      'Asante, Kwame',
      'Silverline Freight Corp',
      '212-555-0199',
    ],
    [
      'Hello, Grace Mulligan of Northwind Traders Inc would like a quote. Reach me on 503.555.2290.',
      'Mulligan, Grace',
      'Northwind Traders Inc',
      '503-555-2290',
    ],
    [
      'Voicemail: Omar Farouk at Bluefin Analytics LLC, returning your call - (202) 555-9183.',
      'Farouk, Omar',
      'Bluefin Analytics LLC',
      '202-555-9183',
    ],
    [
      'Kate Fowler from Clearcall Messaging ' +
        'passing on a message from Priya Natarajan at Copperleaf Studio - please ring 415.882.9031.',
      'Natarajan, Priya',
      'Copperleaf Studio',
      '415-882-9031',
    ],
    [
      'Hi, this is Jamal Bennett from Maple Street Clinic. Please call me back at (312) 555-7781.',
      'Bennett, Jamal',
      'Maple Street Clinic',
      '312-555-7781',
    ],
    [
      'Nadia Haddad here, with Brightline Logistics Ltd; best number is 718 555 3316.',
      'Haddad, Nadia',
      'Brightline Logistics Ltd',
      '718-555-3316',
    ],
    [
      'Good morning! Pedro Alves from Orchard Labs calling about the invoice. My number is (555) 201-3344.',
      'Alves, Pedro',
      'Orchard Labs',
      '555-201-3344',
    ],
    [
      'Hi, this is Tom Baker at Gridway Answering Service, ' +
        'calling on behalf of Dana Whitfield of Lumen Health Inc. Call back on 646-555-0142.',
      'Whitfield, Dana',
      'Lumen Health Inc',
      '646-555-0142',
    ],
    [
      'Voicemail: Owen Gallagher at Vantage Robotics GmbH, returning your call - (617) 555-4402.',
      'Gallagher, Owen',
      'Vantage Robotics GmbH',
      '617-555-4402',
    ],
    [
      'Quick note from Chloe Fournier (Harbor & Pine): the samples arrived, ring me on 303-555-6620 when you can.',
      'Fournier, Chloe',
      'Harbor & Pine',
      '303-555-6620',
    ],
    [
      'Hi, this is Marcus Reed from Summit Dental. Please call me back at 212 555 0199.',
      'Reed, Marcus',
      'Summit Dental',
      '212-555-0199',
    ],
    [
      'Message taken by Rosa Jimenez (Front Desk Solutions): ' +
        'Isla McKenzie from Granite Peak Outfitters wants a call back on 503.555.2290.',
      'McKenzie, Isla',
      'Granite Peak Outfitters',
      '503-555-2290',
    ],
    [
      'Good morning! Henrik Lindqvist from Acme Corp calling about the invoice. My number is (202) 555-9183.',
      'Lindqvist, Henrik',
      'Acme Corp',
      '202-555-9183',
    ],
    [
      'Hello, Ingrid Haugen of Kessler Maschinenbau GmbH would like a quote. Reach me on 415.882.9031.',
      'Haugen, Ingrid',
      'Kessler Maschinenbau GmbH',
      '415-882-9031',
    ],
    [
      'Voicemail: Yusuf Demir at Redwood Bakery Ltd, returning your call - (312) 555-7781.',
      'Demir, Yusuf',
      'Redwood Bakery Ltd',
      '312-555-7781',
    ],
    [
      'Alan Price from Meridian Reception ' +
        'passing on a message from Zoe Campbell at Silverline Freight Corp - please ring 718 555 3316.',
      'Campbell, Zoe',
      'Silverline Freight Corp',
      '718-555-3316',
    ],
  ] as const
).map(([message, name, company, phone]) => ({ message, expected: JSON.stringify({ name, company, phone }) }));

export const contactCardTask = demoTask('contact', ROWS, {
  id: 'contact-card',
  name: 'Contact card (extract, then format)',
  description:
    'Turn phone messages into a JSON contact record in two steps: extract the fields, then format them. ' +
    'The seed prompts do not say whom to pick when a receptionist relays a message, ' +
    'to keep company suffixes and area codes, to write names "Last, First", or how to format phone numbers.',
  program: {
    steps: [
      {
        name: 'extract',
        instruction:
          "Extract the contact's name, company and phone number from the message. " +
          'Write them on three lines as "name: ...", "company: ..." and "phone: ...".',
        template: 'Message: {{message}}',
      },
      {
        name: 'format',
        instruction: 'Turn the contact fields into a JSON object with the keys name, company and phone.',
        template: 'Contact fields:\n{{steps.extract}}',
      },
    ],
  },
  fields: { inputs: ['message'], answer: 'expected', id: 'id' },
  metric: { kind: 'json_field', fields: ['name', 'company', 'phone'] },
});
