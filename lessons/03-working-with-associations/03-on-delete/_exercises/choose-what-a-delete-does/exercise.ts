import { defineExercise } from '#exercise';

const customer = (as: string) => ({ as, model: 'Customer', values: { name: { random: 'name' as const } } });

export default defineExercise({
  topic: 'referential-actions',
  difficulty: 3,
  title: 'Choose what a delete does',
  checks: [
    { id: 'runs', kind: 'runs-without-error', title: 'The program runs without an error' },
    {
      id: 'orders-restrict',
      kind: 'foreign-key',
      title: 'A customer with orders cannot be deleted (the rule on Orders.customerId)',
      table: 'Orders',
      column: 'customerId',
      references: { table: 'Customers', column: 'id' },
      onDelete: 'RESTRICT',
    },
    {
      id: 'lines-cascade',
      kind: 'foreign-key',
      title: 'An order’s lines are deleted with it (the rule on OrderLines.orderId)',
      table: 'OrderLines',
      column: 'orderId',
      references: { table: 'Orders', column: 'id' },
      onDelete: 'CASCADE',
    },
    {
      id: 'reviews-set-null',
      kind: 'foreign-key',
      title: 'Reviews stay, without a customer (the rule on Reviews.customerId)',
      table: 'Reviews',
      column: 'customerId',
      references: { table: 'Customers', column: 'id' },
      onDelete: 'SET NULL',
    },
    {
      id: 'refuses-with-orders',
      kind: 'probe',
      title: 'closeAccount() answers false for a customer who still has an order',
      probe: {
        seed: [customer('buyer'), { as: 'order', model: 'Order', values: { reference: { random: 'word' }, customerId: { ref: 'buyer', attribute: 'id' } } }],
        call: { export: 'closeAccount', args: ['buyer'] },
      },
    },
    {
      id: 'closes-without-orders',
      kind: 'probe',
      title: 'closeAccount() answers true for a customer who only wrote a review',
      probe: {
        seed: [
          customer('reviewer'),
          { as: 'review', model: 'Review', values: { text: { random: 'title' }, customerId: { ref: 'reviewer', attribute: 'id' } } },
        ],
        call: { export: 'closeAccount', args: ['reviewer'] },
      },
    },
    { id: 'ana-kept', kind: 'rows-include', title: 'Ana, who has an order, is still a customer', table: 'Customers', rows: [{ name: 'Ana Lima' }] },
    { id: 'others-closed', kind: 'row-count', title: 'Bo and Chen, who have no orders, are closed: one customer is left', table: 'Customers', min: 1, max: 1 },
    { id: 'lines-left', kind: 'row-count', title: 'Only the cancelled order’s line is deleted: two order lines are left', table: 'OrderLines', min: 2, max: 2 },
    {
      id: 'reviews-kept',
      kind: 'rows-include',
      title: 'Bo’s review is still there, anonymous',
      table: 'Reviews',
      rows: [{ text: 'Fast delivery.', customerId: null }],
    },
  ],
});
