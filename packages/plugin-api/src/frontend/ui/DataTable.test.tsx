/**
 * @jest-environment jsdom
 */
import { render, screen } from '@testing-library/react';
import { DataTable, preloadDataTable } from './DataTable';

interface Row {
  name: string;
  owner: string;
}

const rows: Row[] = [
  { name: 'payments-service', owner: 'payments' },
  { name: 'checkout', owner: 'web' },
];

function table() {
  return (
    <DataTable
      label="Components"
      rows={rows}
      getRowId={(row) => row.name}
      columns={[
        { id: 'name', header: 'Name', value: (row: Row) => row.name },
        { id: 'owner', header: 'Owner', value: (row: Row) => row.owner },
      ]}
    />
  );
}

describe('DataTable', () => {
  it('shows a progress line while its code loads, then the table', async () => {
    render(table());
    expect(screen.getByText('Loading Components')).toBeTruthy();
    expect(await screen.findByRole('table', { name: 'Components' })).toBeTruthy();
  });

  it('renders at once, without the progress line, once its code has loaded', async () => {
    preloadDataTable();
    render(table());
    await screen.findByRole('table', { name: 'Components' });
    const again = render(table());
    expect(again.queryByText('Loading Components')).toBeNull();
    expect(again.getAllByRole('table', { name: 'Components' }).length).toBeGreaterThan(0);
  });
});
