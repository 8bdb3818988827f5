import { type EntityOrder, InputError } from '@atrium/plugin-api';

function checkDirection(order: string, param: string): 'asc' | 'desc' {
  if (order !== 'asc' && order !== 'desc') {
    throw new InputError(param);
  }
  return order;
}

/**
 * Reads `GET /entities` `order` parameters (`<asc|desc>:<field>`), every one
 * applied in turn, as in Backstage.
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
  return orders.length > 0 ? orders : undefined;
}

/**
 * Reads `GET /entities/by-query` `orderField` parameters (`<field>,<asc|desc>`),
 * every one applied in turn (Backstage applies only the first).
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
  return orders.length > 0 ? orders : undefined;
}
