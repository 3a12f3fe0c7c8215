"use client";

import Graph from "graphology";
import Sigma from "sigma";
import { EdgeLineProgram, NodePointProgram } from "sigma/rendering";
import { useEffect, useRef } from "react";
import { NODE_HEIGHT, NODE_WIDTH } from "@/lib/graph/layout";
import { edgeLook } from "@/lib/graph/palette";
import type { View } from "@/lib/graph/view";
import { afterPaint, type RendererProps } from "./renderer";

type NodeAttributes = { x: number; y: number; size: number; color: string; label: string; zIndex: number };
type EdgeAttributes = { size: number; color: string; zIndex: number };

/**
 * The view as a graphology graph. Sigma's y axis points up, the layout's down, hence -y.
 * WebGL draws no dash patterns, so edge kinds differ by colour here (the legend says which).
 */
function toGraph(view: View): Graph<NodeAttributes, EdgeAttributes> {
  const graph = new Graph<NodeAttributes, EdgeAttributes>({ multi: false, type: "directed", allowSelfLoops: true });
  const showCycle = view.highlight.includes("cycles");
  const showCritical = view.highlight.includes("critical");
  for (const item of view.items) {
    const marks = `${showCycle && item.isCycle ? "↻" : ""}${showCritical && item.isCritical ? "★" : ""}`;
    graph.addNode(item.id, {
      x: item.x + NODE_WIDTH / 2,
      y: -(item.y + NODE_HEIGHT / 2),
      size: item.type === "group" ? Math.min(30, 8 + 3 * Math.log2(item.count)) : 4,
      color: item.colour,
      label: `${marks}${item.badge} ${item.label}`,
      zIndex: item.isCritical || item.isCycle ? 1 : 0,
    });
  }
  const dense = view.edges.length > 1000;
  for (const edge of view.edges) {
    const look = edgeLook(edge, view.highlight);
    // Thousands of edges drawn opaque hide each other and the nodes: translucent, so density reads.
    graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, { size: look.width / 2, color: dense ? `${look.colour}66` : look.colour, zIndex: look.blocked ? 1 : 0 });
  }
  return graph;
}

function centreOn(sigma: Sigma<NodeAttributes, EdgeAttributes>, centre: RendererProps["centre"]) {
  const at = centre && sigma.getNodeDisplayData(centre.id);
  if (at) void sigma.getCamera().animate({ x: at.x, y: at.y, ratio: Math.min(sigma.getCamera().ratio, 0.15) }, { duration: 250 });
}

/** Sigma over graphology for large views: thousands of nodes at interactive frame rates. */
export default function SigmaRenderer({ view, selected, centre, onSelect, onPainted }: RendererProps) {
  const container = useRef<HTMLDivElement>(null);
  const sigmaRef = useRef<Sigma<NodeAttributes, EdgeAttributes> | null>(null);
  const state = useRef<{ selected: string | null; hovered: string | null }>({ selected, hovered: null });
  const onSelectRef = useRef(onSelect);
  const refreshFor = useRef<((before: string | null, after: string | null) => void) | null>(null);
  // A new view centres on the last item asked for once sigma is up (it starts a task later).
  const centreRef = useRef(centre);
  useEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    const graph = toGraph(view);
    // Software WebGL (no GPU) pays for every vertex and pixel in every frame: a dense view
    // draws its edges as one-pixel GL lines (a quad per edge costs about twice as much, an
    // arrow head more) and its nodes as points, hides edges and labels while the camera moves,
    // and leaves hover to sigma's own hover layer, which redraws one node, not the graph.
    const dense = view.edges.length > 2000;
    /** The hovered or selected node with its neighbours and edges: all that a highlight changes. */
    const around = (node: string | null) => (node && graph.hasNode(node) ? { nodes: [node, ...graph.neighbors(node)], edges: graph.edges(node) } : { nodes: [], edges: [] });
    let sigma: Sigma<NodeAttributes, EdgeAttributes> | null = null;
    const create = () => {
      const drawn = new Sigma<NodeAttributes, EdgeAttributes>(graph, container.current!, {
        defaultEdgeType: dense ? "line" : "arrow",
        edgeProgramClasses: dense ? { line: EdgeLineProgram } : {},
        // A node as one GL point (a disc, drawn by its fragment shader) instead of a triangle of
        // three vertices: frames while panning thousands of nodes cost about half.
        defaultNodeType: dense ? "point" : "circle",
        nodeProgramClasses: dense ? { point: NodePointProgram } : {},
        hideEdgesOnMove: dense,
        hideLabelsOnMove: dense,
        renderEdgeLabels: false,
        labelRenderedSizeThreshold: 6,
        labelDensity: 0.5,
        zIndex: true,
        minCameraRatio: 0.01,
        maxCameraRatio: 4,
        // Highlights touch only the node in focus and its neighbourhood (enlarged, labelled, its
        // edges opaque), never the other thousands, so a selection repaints a handful of items.
        nodeReducer: (node, data) => {
          const { selected: sel, hovered } = state.current;
          if (node === sel) return { ...data, highlighted: true, size: data.size * 2, zIndex: 3, forceLabel: true };
          if (node === hovered) return { ...data, highlighted: true, zIndex: 3, forceLabel: true };
          const focusOn = hovered ?? sel;
          if (focusOn && graph.areNeighbors(node, focusOn)) return { ...data, size: data.size * 1.5, forceLabel: !dense, zIndex: 2 };
          return data;
        },
        edgeReducer: (edge, data) => {
          const focusOn = state.current.hovered ?? state.current.selected;
          if (focusOn && graph.hasExtremity(edge, focusOn)) return { ...data, color: data.color.slice(0, 7), size: data.size * 2, zIndex: 2 };
          return data;
        },
      });
      sigma = drawn;
      sigmaRef.current = drawn;
      const repaint = (before: string | null, after: string | null) => {
        // The selection's neighbourhood too: it takes the highlight back when the hover leaves.
        const parts = [around(before), around(after), around(state.current.selected)];
        drawn.refresh({ partialGraph: { nodes: parts.flatMap((p) => p.nodes), edges: parts.flatMap((p) => p.edges) }, skipIndexation: true });
      };
      refreshFor.current = repaint;
      drawn.on("clickNode", ({ node }) => onSelectRef.current(node));
      drawn.on("clickStage", () => onSelectRef.current(null));
      if (!dense) {
        drawn.on("enterNode", ({ node }) => {
          const before = state.current.hovered;
          state.current.hovered = node;
          repaint(before, node);
        });
        drawn.on("leaveNode", () => {
          const before = state.current.hovered;
          state.current.hovered = null;
          repaint(before, null);
        });
      }
      // Sigma's constructor has drawn the view already (synchronously).
      afterPaint(onPainted);
      centreOn(drawn, centreRef.current);
    };
    // Building the graph and sigma's indexing of it run as two tasks, so neither holds the
    // main thread as long as both would.
    const timer = setTimeout(create, 0);
    return () => {
      clearTimeout(timer);
      (sigma as Sigma<NodeAttributes, EdgeAttributes> | null)?.kill();
      sigmaRef.current = null;
      refreshFor.current = null;
    };
  }, [view, onPainted]);

  useEffect(() => {
    const before = state.current.selected;
    state.current.selected = selected;
    refreshFor.current?.(before, selected);
  }, [selected]);

  useEffect(() => {
    centreRef.current = centre;
    if (sigmaRef.current) centreOn(sigmaRef.current, centre);
  }, [centre]);

  return <div ref={container} data-testid="sigma-container" className="h-full w-full" />;
}
