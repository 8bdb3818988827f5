/**
 * @jest-environment jsdom
 */
import './jsdomTextEncoder';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describeOwnerRef } from './describeOwnerRef';
import { FacetCombobox, type FacetComboboxProps } from './FacetCombobox';
import type { FacetValue } from './FacetValue';

const owners: FacetValue[] = [
  { value: 'group:default/ledger', count: 4 },
  { value: 'group:default/payments', count: 42 },
  { value: 'user:default/guest', count: 1 },
  { value: 'group:finance/payroll', count: 7 },
  { value: 'checkout', count: 12 },
];

/** Holds the value as the catalog page's URL does, and records every change. */
function Harness(props: Partial<FacetComboboxProps> & { initial?: string; changes: string[] }) {
  const { initial = '', changes, ...rest } = props;
  const [value, setValue] = useState(initial);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        changes.push('submitted');
      }}
    >
      <FacetCombobox
        label="Owner"
        anyLabel="Any owner"
        options={owners}
        describe={describeOwnerRef}
        {...rest}
        value={value}
        onChange={(next) => {
          changes.push(next);
          setValue(next);
        }}
      />
    </form>
  );
}

const input = () => screen.getByRole('combobox', { name: 'Owner' });
const optionNames = () =>
  within(screen.getByRole('listbox', { name: 'Owner' }))
    .queryAllByRole('option')
    .map((option) => option.getAttribute('aria-label'));
const activeOption = () => {
  const id = input().getAttribute('aria-activedescendant');
  return id ? document.getElementById(id)?.getAttribute('aria-label') : undefined;
};

describe('FacetCombobox', () => {
  it('lists the values most entities first, with their counts and owners in short form', () => {
    render(<Harness changes={[]} />);
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('listbox')).toBeNull();
    fireEvent.click(input());
    expect(input().getAttribute('aria-expanded')).toBe('true');
    expect(optionNames()).toEqual([
      'payments (42)',
      'checkout (12)',
      'finance/payroll (7)',
      'ledger (4)',
      'user:guest (1)',
    ]);
    // The full ref stays in reach, as secondary text and as the title.
    const payments = screen.getByRole('option', { name: 'payments (42)' });
    expect(payments.getAttribute('title')).toBe('group:default/payments');
    expect(payments.textContent).toContain('group:default/payments');
  });

  it('narrows as the user types, matching anywhere in the value and ignoring case', () => {
    render(<Harness changes={[]} />);
    fireEvent.change(input(), { target: { value: 'PAY' } });
    expect(optionNames()).toEqual(['payments (42)', 'finance/payroll (7)']);
    // "finance" is in the value, not in the short form shown for the default namespace.
    fireEvent.change(input(), { target: { value: 'default/gu' } });
    expect(optionNames()).toEqual(['user:guest (1)']);
    fireEvent.change(input(), { target: { value: 'nobody' } });
    expect(optionNames()).toEqual([]);
    expect(screen.getByRole('status').textContent).toBe('No owner matches “nobody”');
  });

  it('chooses with the arrows and Enter, without submitting the form around it', () => {
    const changes: string[] = [];
    render(<Harness changes={changes} />);
    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    expect(activeOption()).toBe('payments (42)');
    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    expect(activeOption()).toBe('finance/payroll (7)');
    fireEvent.keyDown(input(), { key: 'ArrowUp' });
    expect(activeOption()).toBe('checkout (12)');
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(changes).toEqual(['checkout']);
    expect(screen.queryByRole('listbox')).toBeNull();
    expect((input() as HTMLInputElement).value).toBe('checkout');
  });

  it('takes the first match on Enter after typing, and keeps the full value', () => {
    const changes: string[] = [];
    render(<Harness changes={changes} />);
    fireEvent.change(input(), { target: { value: 'pay' } });
    expect(activeOption()).toBe('payments (42)');
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(changes).toEqual(['group:default/payments']);
    expect((input() as HTMLInputElement).value).toBe('payments');
    expect(input().getAttribute('title')).toBe('group:default/payments');
  });

  it('selects the shown choice on focus and after choosing, so typing starts a new search', () => {
    render(<Harness changes={[]} initial="checkout" />);
    const field = input() as HTMLInputElement;
    field.focus();
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, 'checkout'.length]);
    fireEvent.change(field, { target: { value: 'pay' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(field.value).toBe('payments');
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, 'payments'.length]);
  });

  it('closes on Escape without changing the choice', () => {
    const changes: string[] = [];
    render(<Harness changes={changes} initial="checkout" />);
    fireEvent.change(input(), { target: { value: 'led' } });
    fireEvent.keyDown(input(), { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect((input() as HTMLInputElement).value).toBe('checkout');
    expect(changes).toEqual([]);
  });

  it('chooses an option by click', () => {
    const changes: string[] = [];
    render(<Harness changes={changes} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show owner values' }));
    fireEvent.click(screen.getByRole('option', { name: 'ledger (4)' }));
    expect(changes).toEqual(['group:default/ledger']);
  });

  it('clears the choice with its button', () => {
    const changes: string[] = [];
    render(<Harness changes={changes} initial="group:default/payments" />);
    expect((input() as HTMLInputElement).value).toBe('payments');
    fireEvent.click(screen.getByRole('button', { name: 'Clear owner' }));
    expect(changes).toEqual(['']);
    expect((input() as HTMLInputElement).value).toBe('');
    expect(input().getAttribute('placeholder')).toBe('Any owner');
    expect(screen.queryByRole('button', { name: 'Clear owner' })).toBeNull();
    expect(document.activeElement).toBe(input());
  });

  it('shows a chosen value the facets do not list, e.g. from a link', () => {
    render(<Harness changes={[]} initial="group:default/gone" />);
    expect((input() as HTMLInputElement).value).toBe('gone');
  });

  it('lists at most 50 of 2,000 values and asks the user to type for the rest', () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({
      value: `group:default/team-${String(i).padStart(4, '0')}`,
      count: 2000 - i,
    }));
    render(<Harness changes={[]} options={many} />);
    fireEvent.click(input());
    expect(optionNames()).toHaveLength(50);
    expect(optionNames()[0]).toBe('team-0000 (2000)');
    expect(screen.getByRole('status').textContent).toBe('1950 more — type to narrow');
    // 0199, 1199 and 1990–1999: a match in the middle counts too.
    fireEvent.change(input(), { target: { value: '199' } });
    expect(optionNames()).toHaveLength(12);
    expect(optionNames()[0]).toBe('team-0199 (1801)');
    expect(screen.queryByRole('status')).toBeNull();
    fireEvent.change(input(), { target: { value: 'TEAM-1999' } });
    expect(optionNames()).toEqual(['team-1999 (1)']);
  });
});
