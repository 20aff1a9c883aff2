// Helpers of the pages (deadline groups, field paths): node --test src/Approvals.Server/wwwroot/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('deadlines: overdue first, then by week starting on Monday', async () => {
  const { weekStart, groupDeadlines } = await import('./deadlines.js');
  assert.equal(weekStart('2022-09-01'), '2022-08-29');
  assert.equal(weekStart('2022-09-05'), '2022-09-05');
  assert.equal(weekStart('2022-09-11'), '2022-09-05');
  const groups = groupDeadlines([
    { day: '2022-09-06', overdue: false },
    { day: '2022-09-01', overdue: false },
    { day: '2022-08-01', overdue: true },
    { day: '2022-09-11', overdue: false },
  ]);
  assert.deepEqual(groups.map((g) => g.title), ['En retard', 'Semaine du 29/08/2022', 'Semaine du 05/09/2022']);
  assert.deepEqual(groups[2].items.map((d) => d.day), ['2022-09-06', '2022-09-11']);
});

test('field paths fall back to their parents', async () => {
  const { parentPath } = await import('./forms.js');
  assert.equal(parentPath('budget.expenses[2].amount'), 'budget.expenses[2]');
  assert.equal(parentPath('budget.expenses[2]'), 'budget.expenses');
  assert.equal(parentPath('attendance.present[3]'), 'attendance.present');
  assert.equal(parentPath('tally'), '');
});
