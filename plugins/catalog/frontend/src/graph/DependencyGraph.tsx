import './graph.css';
import { Button, ErrorPanel, getEntityPath, useEntity } from '@atrium/plugin-api/frontend';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { buildEntityGraph } from './buildEntityGraph';
import { createTextMeasurer } from './createTextMeasurer';
import { GraphNodeView } from './GraphNodeView';
import { layoutEntityGraph } from './layoutEntityGraph';
import { RelationFilter } from './RelationFilter';
import { relationStyle } from './relationStyle';
import { useGraphEntities } from './useGraphEntities';
import { useZoomPan } from './useZoomPan';

/**
 * The interactive graph behind {@link DependencyGraphTab}: the entity and its
 * relations laid out in layers, zoomable and pannable, each node a link and
 * expandable. Loaded in its own chunk with the layout library.
 */
export function DependencyGraph() {
  const { entity } = useEntity();
  const navigate = useNavigate();
  const data = useGraphEntities(entity);
  const [hiddenTypes, setHiddenTypes] = useState<ReadonlySet<string>>(() => new Set());
  const graph = useMemo(
    () =>
      buildEntityGraph({
        rootRef: data.rootRef,
        entities: data.entities,
        expanded: data.expanded,
        hiddenTypes,
      }),
    [data.rootRef, data.entities, data.expanded, hiddenTypes],
  );
  // Labels are drawn in the page's font (.catalog-graph__label: 600 13px).
  const measure = useMemo(
    () => createTextMeasurer(`600 13px ${getComputedStyle(document.body).fontFamily}`),
    [],
  );
  const layout = useMemo(() => layoutEntityGraph(graph, measure), [graph, measure]);
  const svgRef = useRef<SVGSVGElement>(null);
  const zoom = useZoomPan(svgRef, layout);
  const markerPrefix = `catalog-graph-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;

  // The view follows the graph as it grows until the user zooms or pans; "Fit" hands it back.
  const { fit, moved } = zoom;
  useEffect(() => {
    if (!moved) {
      fit();
    }
  }, [fit, moved]);

  const toggle = (type: string) =>
    setHiddenTypes((before) => {
      const next = new Set(before);
      if (!next.delete(type)) {
        next.add(type);
      }
      return next;
    });
  const unexpanded = graph.nodes.filter((node) => !node.expanded).map((node) => node.id);

  return (
    <div className="catalog-graph">
      <div className="catalog-graph__toolbar">
        <p className="catalog-graph__summary" aria-live="polite">
          {graph.nodes.length} entities, {graph.edges.length} relations{data.loading ? ' — loading…' : ''}
        </p>
        <Button icon="domain" onClick={() => data.expand(unexpanded)} disabled={unexpanded.length === 0}>
          Expand all
        </Button>
        <Button aria-label="Zoom in" onClick={() => zoom.zoomBy(1.25)}>
          +
        </Button>
        <Button aria-label="Zoom out" onClick={() => zoom.zoomBy(0.8)}>
          −
        </Button>
        <Button onClick={zoom.fit}>Fit</Button>
      </div>
      {data.error ? (
        <ErrorPanel title="Could not load related entities" error={data.error} onRetry={data.retry} />
      ) : null}
      <RelationFilter types={graph.relationTypes} hidden={hiddenTypes} onToggle={toggle} />
      <svg
        ref={svgRef}
        className={`catalog-graph__canvas${layout.edges.length > 150 ? ' catalog-graph__canvas--dense' : ''}`}
        aria-label={`Relations graph of ${data.rootRef}`}
        onPointerDown={zoom.onPointerDown}
        onPointerMove={zoom.onPointerMove}
        onPointerUp={zoom.onPointerUp}
        onPointerCancel={zoom.onPointerUp}
      >
        <defs>
          {graph.relationTypes.map((type) => (
            <marker
              key={type}
              id={`${markerPrefix}-${type}`}
              viewBox="0 0 10 10"
              refX="10"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M0,0 L10,5 L0,10 z" fill={relationStyle(type).color} />
            </marker>
          ))}
        </defs>
        <rect className="catalog-graph__background" width="100%" height="100%" />
        <g transform={`translate(${zoom.transform.x},${zoom.transform.y}) scale(${zoom.transform.k})`}>
          {layout.edges.map((edge) => (
            <path
              key={edge.id}
              d={edge.path}
              className="catalog-graph__edge"
              stroke={relationStyle(edge.type).color}
              markerEnd={`url(#${markerPrefix}-${edge.type})`}
            >
              <title>{`${edge.from} ${relationStyle(edge.type).label.toLowerCase()} ${edge.to}`}</title>
            </path>
          ))}
          {layout.nodes.map((node) => (
            <GraphNodeView
              key={node.id}
              node={node}
              onOpen={(target) => navigate(getEntityPath(target.ref))}
              onExpand={(target) => data.expand([target.id])}
              onFocus={zoom.reveal}
            />
          ))}
        </g>
      </svg>
      <p className="catalog-graph__hint">
        Drag to pan, scroll to zoom. Tab moves between entities; Enter opens one, and its “+” shows its
        relations.
      </p>
    </div>
  );
}
