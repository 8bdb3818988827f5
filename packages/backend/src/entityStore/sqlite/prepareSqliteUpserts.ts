import type { EntityRelationSpec, EntityUpsert } from '@atrium/plugin-api';
import { buildFullTextDocument, type FullTextDocument } from '../buildFullTextDocument';
import { buildSearchRows, type ElementDocument } from '../buildSearchRows';
import { entitySearchSkip } from '../entitySearchSkip';
import { type EntityTextParts, prepareEntityUpsert } from '../prepareEntityUpsert';
import {
  appendRowTerms,
  elementPathTerm,
  escapeTermText,
  everyTerm,
  inverseTypeTerm,
  relationTargetTerm,
} from './searchTerms';

/**
 * An upsert checked and turned into the rows SQLite stores, all but its uid,
 * which is known only when it is written. Plain data: it crosses from the
 * worker thread that prepares it.
 */
export interface SqliteUpsert {
  /** Canonical ref. */
  ref: string;
  source: string | null;
  hash: string;
  text: EntityTextParts;
  /** Deduplicated and sorted, with canonical target refs. */
  relations: EntityRelationSpec[];
  /** The terms of its `entity_search` document, but those of its uid: see {@link toSearchTerms}. */
  terms: string;
  /** The terms of each of its element documents (`element_search`), in element order. */
  elements: string[];
  /** Its row of `entity_text`. */
  document: FullTextDocument;
}

function elementTerms(element: ElementDocument): string {
  const terms = [everyTerm, elementPathTerm + escapeTermText(element.path)];
  appendRowTerms(terms, element.rows);
  return terms.join(' ');
}

function prepareSqliteUpsert(upsert: EntityUpsert, index: number): SqliteUpsert {
  const { ref, source, hash, text, relations, entity } = prepareEntityUpsert(upsert, index);
  const elements: ElementDocument[] = [];
  const terms = [everyTerm];
  appendRowTerms(terms, buildSearchRows(entity, { skip: entitySearchSkip, elements }));
  const relationTerms = new Set<string>();
  for (const relation of relations) {
    relationTerms.add(relationTargetTerm + escapeTermText(relation.targetRef));
    relationTerms.add(inverseTypeTerm + escapeTermText(relation.inverseType.toLowerCase()));
  }
  terms.push(...relationTerms);
  return {
    ref,
    source,
    hash,
    text,
    relations,
    terms: terms.join(' '),
    elements: elements.map(elementTerms),
    document: buildFullTextDocument(entity),
  };
}

/**
 * Prepares upserts given as JSON text, the form they reach the worker in
 * (in-thread preparation takes the same path, so both index the same data).
 * `offset` is the position of the first in its mutation, for error messages.
 */
export function prepareSqliteUpserts(json: string, offset: number): SqliteUpsert[] {
  const upserts = JSON.parse(json) as EntityUpsert[];
  return upserts.map((upsert, i) => prepareSqliteUpsert(upsert, offset + i));
}

/** The terms of the `entity_search` document of an upsert written with `uid`. */
export function toSearchTerms(upsert: SqliteUpsert, uid: string): string {
  const terms = [upsert.terms];
  appendRowTerms(terms, buildSearchRows(undefined, { extra: [['metadata.uid', uid]] }));
  return terms.join(' ');
}
