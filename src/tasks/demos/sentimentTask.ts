// Demo task: three-way sentiment of short product reviews, where the hard cases are negation
// ("not bad"), sarcasm ("oh great, …"), reviews that turn around with "but", and purely factual
// reviews that are neutral. Metric: the answer must be exactly one of the labels.
import { demoTask } from './demoTask.ts';

type Row = { review: string; label: 'positive' | 'negative' | 'neutral' };

const R = (review: string, label: Row['label']): Row => ({ review, label });

const ROWS: Row[] = [
  R('Absolutely love this kettle, it boils in under two minutes.', 'positive'),
  R('Excellent build quality and the battery lasts all weekend.', 'positive'),
  R('The staff were friendly and the room was spotless.', 'positive'),
  R('Great value, I would recommend it to anyone.', 'positive'),
  R('Comfortable shoes, perfect fit from day one.', 'positive'),
  R('The pasta was delicious and the portions were generous.', 'positive'),
  R('Setup was smooth and the app is really helpful.', 'positive'),
  R('Beautiful colours, sturdy frame, very pleased with it.', 'positive'),
  R('Terrible customer service, nobody answered my emails!', 'negative'),
  R('The zip broke after a week!', 'negative'),
  R('Awful smell and the lid leaks.', 'negative'),
  R('Worst pizza I have ever ordered!', 'negative'),
  R('The headphones are uncomfortable and the sound is dull.', 'negative'),
  R('Flimsy plastic and a rude delivery driver.', 'negative'),
  R('Overpriced and slow, a complete waste of money!', 'negative'),
  R('The bread was stale and the coffee was cold.', 'negative'),
  R('The battery life is not good at all.', 'negative'),
  R("I didn't like the texture of the sauce.", 'negative'),
  R('The camera is not impressive in low light.', 'negative'),
  R('The app is hardly helpful when something goes wrong.', 'negative'),
  R('Customer support was not friendly or helpful.', 'negative'),
  R("The seats weren't comfortable on a long trip.", 'negative'),
  R('Not bad at all for the price.', 'positive'),
  R("Honestly, the hotel wasn't terrible.", 'positive'),
  R('I have no complaints about the delivery.', 'positive'),
  R('This vacuum has never disappointed me.', 'positive'),
  R('Assembly was quick and without any problems.', 'positive'),
  R('The soup was not bland, it had real flavour.', 'positive'),
  R('Oh great, the replacement arrived in pieces too.', 'negative'),
  R('Just what I needed, a lovely phone that restarts every ten minutes.', 'negative'),
  R("Yeah right, 'fast and reliable shipping' that took three weeks.", 'negative'),
  R('Thanks a lot for the brilliant charger that melted on the first night.', 'negative'),
  R('Wow, perfect, the lid came off in the dishwasher.', 'negative'),
  R('What a treat, ninety amazing minutes on hold listening to music.', 'negative'),
  R('I just love how the strap snaps every time I put it on.', 'negative'),
  R('Oh wonderful, another update that deletes my photos.', 'negative'),
  R('Oh fantastic, the bag tore before I got it home!', 'negative'),
  R('Yeah, right, best purchase of the year, it stopped working on day two.', 'negative'),
  R('The screen is gorgeous, but the battery is awful.', 'negative'),
  R('Lovely design, but the handle is poor and gets too hot.', 'negative'),
  R('The food was delicious, however the service was painfully slow.', 'negative'),
  R('Great sound, but the app is useless!', 'negative'),
  R('Nice idea, but the finish is mediocre.', 'negative'),
  R('The first week was terrible, but support fixed everything and now it is excellent.', 'positive'),
  R('Delivery was slow, but the quality is superb.', 'positive'),
  R('The manual is poor, however the machine itself is brilliant.', 'positive'),
  R('Bland packaging, but the tea inside is wonderful.', 'positive'),
  R('Noisy at first, but after a day it runs smooth and I love it.', 'positive'),
  R('The package arrived on Tuesday.', 'neutral'),
  R('It comes in three colours: grey, blue and white.', 'neutral'),
  R("I bought this for my brother's birthday.", 'neutral'),
  R('The box contains the charger, a cable and a manual.', 'neutral'),
  R('We used the tent for two nights in August.', 'neutral'),
  R('The jacket is made of cotton and polyester.', 'neutral'),
  R('My order number was printed on the receipt.', 'neutral'),
  R('The device runs on two AA batteries.', 'neutral'),
  R('I ordered the medium size.', 'neutral'),
  R('The restaurant is next to the train station.', 'neutral'),
  R('Superb coffee and a friendly barista.', 'positive'),
  R('The chair is noisy and the cushion is uncomfortable!', 'negative'),
];

export const sentimentTask = demoTask('review', ROWS, {
  id: 'sentiment',
  name: 'Review sentiment',
  description:
    'Label short product reviews positive, negative or neutral. ' +
    'The seed prompt says nothing about negation ("not bad"), sarcasm ("oh great, it broke"), ' +
    'reviews that turn around with "but", or factual reviews, and the answer must be the bare label.',
  program: {
    steps: [
      {
        name: 'classify',
        instruction: 'Classify the sentiment of the customer review as positive, negative or neutral.',
        template: 'Review: {{review}}',
      },
    ],
  },
  fields: { inputs: ['review'], answer: 'label', id: 'id' },
  metric: { kind: 'choice', labels: ['positive', 'negative', 'neutral'] },
});
