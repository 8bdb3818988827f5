import { type EntityOrder, InputError } from '@atrium/plugin-api';

function checkDirection(order: string, param: string): 'asc' | 'desc' {
  if (order !== 'asc' && order !== 'desc') {
    throw new InputError(param);
  }
  return order;
}

/**
 * Reads `GET /entities` `order` parameters (`<asc|desc>:<field>`). The store
 * orders on one field, so the first one applies, as the first one leads in Backstage.
 */
export function parseOrderParams(values: string[]): EntityOrder[] | undefined {
  const orders = values.map((value): EntityOrder => {
    const colon = value.indexOf(':');
    const message = `Invalid order parameter "${value}", expected "<asc or desc>:<field name>"`;
    const field = value.slice(colon + 1).trim();
    if (colon === -1 || field === '') {
      throw new InputError(message);
    }
    return { field, order: checkDirection(value.slice(0, colon).trim(), message) };
  });
  return orders.length > 0 ? orders.slice(0, 1) : undefined;
}

/**
 * Reads `GET /entities/by-query` `orderField` parameters (`<field>,<asc|desc>`);
 * like Backstage, only the first is applied.
 */
export function parseOrderFieldParams(values: string[]): EntityOrder[] | undefined {
  const orders = values.map((value): EntityOrder => {
    const [field = '', order = 'asc', ...rest] = value.split(',').map((part) => part.trim());
    const message = `Invalid orderField "${value}", expected "<field name>,<asc or desc>"`;
    if (field === '' || rest.length > 0) {
      throw new InputError(message);
    }
    return { field, order: checkDirection(order, message) };
  });
  return orders.length > 0 ? orders.slice(0, 1) : undefined;
}
