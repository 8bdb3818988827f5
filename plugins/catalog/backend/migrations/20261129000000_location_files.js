/**
 * `presence` of a registered location, and what each file of a location last produced: the hash of its
 * content (null after a read with errors) and the refs it emitted, so an unchanged file is not written again
 * and orphans are found without holding a location's whole tree in memory.
 */
exports.up = async (knex) => {
  await knex.schema.alterTable('locations', (table) => {
    table.string('presence', 16);
  });
  await knex.schema.createTable('location_files', (table) => {
    table.string('location_id', 36).notNullable();
    table.text('file_key').notNullable();
    table.string('content_hash', 64);
    table.text('entity_refs').notNullable();
    table.primary(['location_id', 'file_key']);
  });
};

exports.down = async (knex) => {
  await knex.schema.dropTable('location_files');
  await knex.schema.alterTable('locations', (table) => {
    table.dropColumn('presence');
  });
};
