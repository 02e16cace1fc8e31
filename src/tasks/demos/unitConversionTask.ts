// Demo task: imperial-to-metric conversion questions with a numeric answer. The hard parts are
// exact factors (a foot is 0.3048 m, an inch 2.54 cm), the °F → °C formula, answering in the unit
// the question asks for (centimetres, millimetres, metres, grams), and giving the bare number.
// Metric: numeric, within 0.5 % of the expected value.
import { demoTask } from './demoTask.ts';

type Row = { question: string; answer: string };

const ROWS: Row[] = (
  [
    ['Convert 5 miles to kilometres.', '8.047'],
    ['A half marathon is 13.1 miles. How far is that in kilometres?', '21.08'],
    ['How many kilometres is a 26.2-mile race?', '42.16'],
    ['The commute is 18 miles each way. How many kilometres is that?', '28.97'],
    ['Convert 62 miles to kilometres.', '99.78'],
    ['A cycling route is 45 miles long. What is that in kilometres?', '72.42'],
    ['How many kilometres is a 3.5-mile walk?', '5.633'],
    ['The island is 120 miles from the coast. How far is that in kilometres?', '193.1'],
    ['A suitcase weighs 44 pounds. What is that in kilograms?', '19.96'],
    ['Convert 150 lbs to kilograms.', '68.04'],
    ['A newborn weighs 7.5 pounds. How many kilograms is that?', '3.402'],
    ['Convert 200 pounds to kilograms.', '90.72'],
    ['A bag of flour weighs 5 lb. What is that in kilograms?', '2.268'],
    ['How many kilograms is a 12-pound turkey?', '5.443'],
    ['The dumbbell weighs 35 pounds. What is that in kilograms?', '15.88'],
    ['Convert 1.5 pounds to kilograms.', '0.6804'],
    ['A ceiling is 9 feet high. How high is it in metres?', '2.743'],
    ['Convert 6.5 ft to metres.', '1.981'],
    ['A boat is 32 feet long. How long is it in metres?', '9.754'],
    ['Convert 100 feet to metres.', '30.48'],
    ['The diving board is 10 feet above the water. How many metres is that?', '3.048'],
    ['A giraffe can be 18 feet tall. What is that in metres?', '5.486'],
    ['Convert 5280 feet to metres.', '1609'],
    ['A corridor is 75 feet long. How long is it in metres?', '22.86'],
    ['Convert 2.5 feet to metres.', '0.762'],
    ['A phone screen is 6.1 inches across. How many centimetres is that?', '15.49'],
    ['Convert 12 inches to centimetres.', '30.48'],
    ['A monitor is 27 inches wide diagonally. What is that in centimetres?', '68.58'],
    ['Convert 3.5 inches to centimetres.', '8.89'],
    ['The snowfall was 8 inches. How many centimetres is that?', '20.32'],
    ['A pizza is 14 inches across. What is that in centimetres?', '35.56'],
    ['Convert 40 inches to centimetres.', '101.6'],
    ['A ruler is 18 inches long. How long is it in centimetres?', '45.72'],
    ['Convert 0.5 inches to centimetres.', '1.27'],
    ['The oven is set to 350 °F. What is that in °C?', '176.7'],
    ['Water boils at 212 degrees Fahrenheit. What is that in Celsius?', '100'],
    ['A normal body temperature is 98.6 °F. What is that in °C?', '37'],
    ['Convert 0 °F to °C.', '-17.78'],
    ['Convert -40 degrees Fahrenheit to Celsius.', '-40'],
    ['The room is at 72 °F. What is that in °C?', '22.22'],
    ['Paper burns at 451 degrees Fahrenheit. What is that in Celsius?', '232.8'],
    ['Cook the chicken to 165 °F. What is that in °C?', '73.89'],
    ['Convert 400 degrees Fahrenheit to Celsius.', '204.4'],
    ['It is 25 °F outside. What is that in °C?', '-3.889'],
    ['How many centimetres tall is a 6-foot door?', '182.9'],
    ['A fence is 4 feet high. How high is it in centimetres?', '121.9'],
    ['Convert 15 feet to centimetres.', '457.2'],
    ['A table is 2.5 feet wide. How many centimetres is that?', '76.2'],
    ['A 3-mile trail: how long is it in metres?', '4828'],
    ['Convert 0.25 miles to metres.', '402.3'],
    ['A runway is 2 miles long. How many metres is that?', '3219'],
    ['How many metres is a 1.5-mile swim?', '2414'],
    ['Convert 2.5 pounds to grams.', '1134'],
    ['A steak weighs 1.2 pounds. How many grams is that?', '544.3'],
    ['A parcel weighs 3 pounds. What is that in grams?', '1361'],
    ['How many grams is a 0.75-pound bag of coffee?', '340.2'],
    ['A bolt is 0.75 inches long. How many millimetres is that?', '19.05'],
    ['Convert 2 inches to millimetres.', '50.8'],
    ['A coin is 1.25 inches across. What is that in millimetres?', '31.75'],
    ['How many millimetres is a 5-inch nail?', '127'],
  ] as const
).map(([question, answer]) => ({ question, answer }));

export const unitConversionTask = demoTask('convert', ROWS, {
  id: 'unit-conversion',
  name: 'Unit conversion',
  description:
    'Convert imperial quantities (feet, inches, miles, pounds, °F) to metric and answer with a number. ' +
    'The seed prompt gives no conversion factors, no °F formula, ' +
    'and does not insist on the unit asked for or on a bare number.',
  program: {
    steps: [
      {
        name: 'convert',
        instruction: 'Convert the quantity in the question and give the result.',
        template: 'Question: {{question}}',
      },
    ],
  },
  fields: { inputs: ['question'], answer: 'answer', id: 'id' },
  metric: { kind: 'numeric', tolerance: 0.005, relative: true },
});
