import { defineExercise } from '#exercise';

export default defineExercise({
  topic: 'has-one',
  difficulty: 2,
  kind: 'fix',
  title: 'Fix the shipments that cannot find their order',
  checks: [
    { id: 'runs', kind: 'runs-without-error', title: 'The program runs without an error' },
    {
      id: 'order-has-one-shipment',
      kind: 'association',
      title: 'Order has one Shipment (foreign key orderId)',
      type: 'hasOne',
      source: 'Order',
      target: 'Shipment',
      foreignKey: 'orderId',
    },
    {
      id: 'shipment-belongs-to-order',
      kind: 'association',
      title: 'Shipment belongs to Order (foreign key orderId)',
      type: 'belongsTo',
      source: 'Shipment',
      target: 'Order',
      foreignKey: 'orderId',
    },
    {
      id: 'order-number-of',
      kind: 'probe',
      title: 'orderNumberOf(shipment) gives the number of the order it carries',
      probe: {
        seed: [
          { as: 'other', model: 'Order', values: { number: { random: 'number' } } },
          { as: 'order', model: 'Order', values: { number: { random: 'number' } } },
          { as: 'shipment', model: 'Shipment', values: { carrier: 'UPS', trackingCode: { random: 'word' }, orderId: { ref: 'order', attribute: 'id' } } },
        ],
        call: { export: 'orderNumberOf', args: ['shipment'] },
      },
    },
    {
      id: 'get-shipment-works',
      kind: 'probe',
      title: 'order.getShipment() still finds the shipment of an order',
      probe: {
        seed: [
          { as: 'order', model: 'Order', values: { number: { random: 'number' } } },
          { as: 'shipment', model: 'Shipment', values: { carrier: 'DPD', trackingCode: { random: 'word' }, orderId: { ref: 'order', attribute: 'id' } } },
        ],
        call: { method: 'getShipment', on: 'order' },
      },
      project: ['carrier', 'trackingCode'],
    },
    {
      id: 'warehouse-screen',
      kind: 'console-lines',
      title: 'The warehouse screen lists every shipment with its order number',
      lines: ['DHL JD014600006281: order #1001', 'PostNL 3SABCD1234567: order #1002'],
    },
  ],
});
