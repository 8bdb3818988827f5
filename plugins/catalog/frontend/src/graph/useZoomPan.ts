import { type PointerEvent, type RefObject, useCallback, useEffect, useRef, useState } from 'react';

/** Pan offset and scale of the drawing inside its viewport. */
export interface ZoomTransform {
  x: number;
  y: number;
  k: number;
}

/** Zoom and pan of an SVG drawing: the transform and the handlers to wire up. */
export interface ZoomPan {
  transform: ZoomTransform;
  /** The user zoomed or panned since the last fit; the view should then stay where they put it. */
  moved: boolean;
  zoomBy(factor: number): void;
  /** Shows the whole drawing, never enlarged past its natural size. */
  fit(): void;
  /** Pans so that this box (drawing units) is in view, if it is not. */
  reveal(box: { x: number; y: number; width: number; height: number }): void;
  onPointerDown(event: PointerEvent<SVGSVGElement>): void;
  onPointerMove(event: PointerEvent<SVGSVGElement>): void;
  onPointerUp(event: PointerEvent<SVGSVGElement>): void;
}

const MIN_SCALE = 0.05;
const MAX_SCALE = 3;
const clampScale = (k: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, k));

/**
 * Wheel zoom around the pointer, drag to pan (from the background only, so
 * clicks on nodes stay clicks), and zoom/fit for buttons. The wheel listener
 * is attached by hand because React's is passive and cannot stop the page
 * from scrolling.
 */
export function useZoomPan(
  svgRef: RefObject<SVGSVGElement | null>,
  content: { width: number; height: number },
): ZoomPan {
  const [transform, setTransform] = useState<ZoomTransform>({ x: 0, y: 0, k: 1 });
  const drag = useRef<{ pointerId: number; x: number; y: number } | undefined>(undefined);
  const [moved, setMoved] = useState(false);

  const viewport = useCallback(() => {
    const rect = svgRef.current?.getBoundingClientRect();
    return {
      width: rect?.width || 800,
      height: rect?.height || 600,
      left: rect?.left ?? 0,
      top: rect?.top ?? 0,
    };
  }, [svgRef]);

  const zoomAt = useCallback((factor: number, cx: number, cy: number) => {
    setTransform((t) => {
      const k = clampScale(t.k * factor);
      return { k, x: cx - ((cx - t.x) * k) / t.k, y: cy - ((cy - t.y) * k) / t.k };
    });
  }, []);

  const fit = useCallback(() => {
    const view = viewport();
    if (content.width === 0 || content.height === 0) {
      return;
    }
    const k = clampScale(Math.min(view.width / content.width, view.height / content.height, 1));
    setMoved(false);
    setTransform({ k, x: (view.width - content.width * k) / 2, y: (view.height - content.height * k) / 2 });
  }, [content.width, content.height, viewport]);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) {
      return;
    }
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      setMoved(true);
      const rect = svg.getBoundingClientRect();
      zoomAt(Math.exp(-event.deltaY * 0.0015), event.clientX - rect.left, event.clientY - rect.top);
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, [svgRef, zoomAt]);

  return {
    transform,
    moved,
    fit,
    zoomBy: (factor) => {
      setMoved(true);
      const view = viewport();
      zoomAt(factor, view.width / 2, view.height / 2);
    },
    reveal: (box) => {
      const view = viewport();
      setTransform((t) => {
        const left = box.x * t.k + t.x;
        const top = box.y * t.k + t.y;
        const inView =
          left >= 0 &&
          top >= 0 &&
          left + box.width * t.k <= view.width &&
          top + box.height * t.k <= view.height;
        if (inView) {
          return t;
        }
        return {
          k: t.k,
          x: view.width / 2 - (box.x + box.width / 2) * t.k,
          y: view.height / 2 - (box.y + box.height / 2) * t.k,
        };
      });
    },
    onPointerDown: (event) => {
      if (
        event.target !== event.currentTarget &&
        !(event.target as Element).classList.contains('catalog-graph__background')
      ) {
        return;
      }
      drag.current = { pointerId: event.pointerId, x: event.clientX, y: event.clientY };
      event.currentTarget.setPointerCapture(event.pointerId);
    },
    onPointerMove: (event) => {
      const start = drag.current;
      if (!start || start.pointerId !== event.pointerId) {
        return;
      }
      const dx = event.clientX - start.x;
      const dy = event.clientY - start.y;
      drag.current = { ...start, x: event.clientX, y: event.clientY };
      setMoved(true);
      setTransform((t) => ({ ...t, x: t.x + dx, y: t.y + dy }));
    },
    onPointerUp: (event) => {
      if (drag.current?.pointerId === event.pointerId) {
        drag.current = undefined;
        event.currentTarget.releasePointerCapture(event.pointerId);
      }
    },
  };
}
