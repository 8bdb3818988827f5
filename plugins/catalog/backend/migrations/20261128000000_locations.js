/** Registered and configured locations, with the state of their last refresh, and the orphan clock. */
exports.up = async (knex) => {
  await knex.schema.createTable('locations', (table) => {
    table.string('id', 36).primary();
    table.string('type', 32).notNullable();
    table.text('target').notNullable();
    table.text('location_key').notNullable().unique();
    table.string('entity_ref', 255).notNullable();
    table.string('origin', 16).notNullable();
    table.text('rules');
    table.string('content_hash', 64);
    table.text('etags');
    table.integer('entities_read').notNullable().defaultTo(0);
    table.text('errors');
    table.bigInteger('last_refresh_at');
    table.bigInteger('last_success_at');
    table.boolean('in_progress').notNullable().defaultTo(false);
  });
  await knex.schema.createTable('location_orphans', (table) => {
    table.string('entity_ref', 255).primary();
    table.text('location_key').notNullable();
    table.bigInteger('orphaned_at').notNullable();
  });
};

exports.down = async (knex) => {
  await knex.schema.dropTable('location_orphans');
  await knex.schema.dropTable('locations');
};
