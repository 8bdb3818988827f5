import { describeOwnerRef } from './describeOwnerRef';

describe('describeOwnerRef', () => {
  it('shortens a group in the default namespace to its name, keeping the ref as detail', () => {
    expect(describeOwnerRef('group:default/payments')).toEqual({
      label: 'payments',
      detail: 'group:default/payments',
    });
  });

  it('keeps the kind of a user and a namespace other than the default', () => {
    expect(describeOwnerRef('user:default/guest')).toEqual({
      label: 'user:guest',
      detail: 'user:default/guest',
    });
    expect(describeOwnerRef('Group:finance/payroll')).toEqual({
      label: 'finance/payroll',
      detail: 'Group:finance/payroll',
    });
  });

  it('shows a short owner as written, with no detail', () => {
    expect(describeOwnerRef('payments')).toEqual({ label: 'payments' });
  });

  it('shows text that is no ref as written', () => {
    expect(describeOwnerRef('user:')).toEqual({ label: 'user:' });
  });
});
