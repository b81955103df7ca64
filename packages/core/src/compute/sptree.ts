/**
 * The Barnes-Hut space-partitioning tree of t-SNE: a quadtree in 2-D, an octree in 3-D,
 * rebuilt every iteration. A cell far enough from a point (its width over its distance
 * below theta) stands for all the points inside it, so the repulsive forces cost
 * O(n log n) instead of O(n^2). Each node is one record of a flat Float64Array
 * (centre of mass, half-width, count, first child, resident point), so a visit touches
 * one cache line.
 */

const MAX_DEPTH = 48;

/** A tree over n points of `dims` (2 or 3) coordinates. */
export class SpTree {
  private readonly fan: number;
  /** Record layout: mass[dims] (sums, then means), half-width (then squared width), count, child (-1: leaf), point (-1: none). */
  private readonly stride: number;
  private readonly HALF: number;
  private readonly COUNT: number;
  private readonly CHILD: number;
  private readonly POINT: number;
  private capacity: number;
  private size = 0;
  private nodes: Float64Array;
  /** Cell centres, used only while building. */
  private centres: Float64Array;
  /** Traversal stack: only non-empty children are pushed, so depth x (fan - 1) + 1 entries suffice. */
  private readonly stack = new Int32Array(MAX_DEPTH * 8 + 8);

  constructor(private readonly dims: 2 | 3, n: number) {
    this.fan = 1 << dims;
    this.stride = dims + 4;
    this.HALF = dims;
    this.COUNT = dims + 1;
    this.CHILD = dims + 2;
    this.POINT = dims + 3;
    this.capacity = Math.max(64, 4 * n);
    this.nodes = new Float64Array(this.capacity * this.stride);
    this.centres = new Float64Array(this.capacity * dims);
  }

  /** Rebuilds the tree over `y` (n x dims, row-major). */
  build(y: Float64Array, n: number): void {
    const { dims, stride } = this;
    const lo = new Float64Array(dims).fill(Infinity);
    const hi = new Float64Array(dims).fill(-Infinity);
    for (let i = 0; i < n; i++) {
      for (let t = 0; t < dims; t++) {
        const v = y[i * dims + t]!;
        if (v < lo[t]!) lo[t] = v;
        if (v > hi[t]!) hi[t] = v;
      }
    }
    let half = 0;
    for (let t = 0; t < dims; t++) half = Math.max(half, (hi[t]! - lo[t]!) / 2);
    this.size = 0;
    const root = this.newNode();
    for (let t = 0; t < dims; t++) this.centres[root * dims + t] = (lo[t]! + hi[t]!) / 2;
    this.nodes[root * stride + this.HALF] = half * (1 + 1e-5) + 1e-5;
    for (let i = 0; i < n; i++) this.insert(y, i);
    // Mass sums become centres of mass, and half-widths become squared widths (what the
    // theta test compares).
    const nodes = this.nodes;
    for (let node = 0; node < this.size; node++) {
      const r = node * stride;
      const c = nodes[r + this.COUNT]!;
      if (c > 0) for (let t = 0; t < dims; t++) nodes[r + t]! /= c;
      const h = nodes[r + this.HALF]!;
      nodes[r + this.HALF] = 4 * h * h;
    }
  }

  /**
   * Point i's repulsion: writes the sum over j != i of q_ij^2 (y_i - y_j), with q_ij the
   * unnormalised 1 / (1 + |y_i - y_j|^2), into out[o..o+dims) and returns the sum of
   * q_ij, for the normaliser Z. Written out per dimension count: this is t-SNE's hot loop.
   */
  repulsion(y: Float64Array, i: number, theta: number, out: Float64Array, o: number): number {
    return this.dims === 2 ? this.repulsion2(y, i, theta * theta, out, o) : this.repulsion3(y, i, theta * theta, out, o);
  }

  private repulsion2(y: Float64Array, i: number, theta2: number, out: Float64Array, o: number): number {
    const { stack, nodes } = this;
    const xi = y[2 * i]!;
    const yi = y[2 * i + 1]!;
    let top = 0;
    stack[top++] = 0;
    let sumQ = 0;
    let fx = 0;
    let fy = 0;
    while (top > 0) {
      const r = stack[--top]! * 6;
      const c = nodes[r + 3]!;
      const first = nodes[r + 4]!;
      const dx = xi - nodes[r]!;
      const dy = yi - nodes[r + 1]!;
      const d2 = dx * dx + dy * dy;
      // A leaf holds point i when i is its resident or one of its duplicates (same position).
      const own = first < 0 && (nodes[r + 5] === i || d2 === 0);
      if (own && c === 1) continue;
      if (first < 0 || nodes[r + 2]! < theta2 * d2) {
        const q = 1 / (1 + d2);
        const w = (own ? c - 1 : c) * q;
        sumQ += w;
        fx += w * q * dx;
        fy += w * q * dy;
      } else {
        for (let ch = first; ch < first + 4; ch++) if (nodes[ch * 6 + 3]! > 0) stack[top++] = ch;
      }
    }
    out[o] = fx;
    out[o + 1] = fy;
    return sumQ;
  }

  private repulsion3(y: Float64Array, i: number, theta2: number, out: Float64Array, o: number): number {
    const { stack, nodes } = this;
    const xi = y[3 * i]!;
    const yi = y[3 * i + 1]!;
    const zi = y[3 * i + 2]!;
    let top = 0;
    stack[top++] = 0;
    let sumQ = 0;
    let fx = 0;
    let fy = 0;
    let fz = 0;
    while (top > 0) {
      const r = stack[--top]! * 7;
      const c = nodes[r + 4]!;
      const first = nodes[r + 5]!;
      const dx = xi - nodes[r]!;
      const dy = yi - nodes[r + 1]!;
      const dz = zi - nodes[r + 2]!;
      const d2 = dx * dx + dy * dy + dz * dz;
      // A leaf holds point i when i is its resident or one of its duplicates (same position).
      const own = first < 0 && (nodes[r + 6] === i || d2 === 0);
      if (own && c === 1) continue;
      if (first < 0 || nodes[r + 3]! < theta2 * d2) {
        const q = 1 / (1 + d2);
        const w = (own ? c - 1 : c) * q;
        sumQ += w;
        fx += w * q * dx;
        fy += w * q * dy;
        fz += w * q * dz;
      } else {
        for (let ch = first; ch < first + 8; ch++) if (nodes[ch * 7 + 4]! > 0) stack[top++] = ch;
      }
    }
    out[o] = fx;
    out[o + 1] = fy;
    out[o + 2] = fz;
    return sumQ;
  }

  private insert(y: Float64Array, i: number): void {
    const { dims, stride, COUNT, CHILD, POINT } = this;
    let node = 0;
    for (let depth = 0; ; depth++) {
      let r = node * stride;
      this.nodes[r + COUNT]!++;
      for (let t = 0; t < dims; t++) this.nodes[r + t]! += y[i * dims + t]!;
      const child = this.nodes[r + CHILD]!;
      if (child >= 0) {
        node = child + this.octant(node, y, i);
        continue;
      }
      const resident = this.nodes[r + POINT]!;
      if (resident < 0) {
        this.nodes[r + POINT] = i;
        return;
      }
      // A leaf with one point already: split it, unless too deep (duplicates stay together).
      if (depth >= MAX_DEPTH || this.same(y, resident, i)) return;
      const first = this.split(node);
      r = node * stride;
      // The resident moves down with its duplicates: every point counted here but i.
      const moved = (first + this.octant(node, y, resident)) * stride;
      const residents = this.nodes[r + COUNT]! - 1;
      this.nodes[moved + COUNT] = residents;
      this.nodes[moved + POINT] = resident;
      for (let t = 0; t < dims; t++) this.nodes[moved + t] = residents * y[resident * dims + t]!;
      this.nodes[r + POINT] = -1;
      node = first + this.octant(node, y, i);
    }
  }

  private same(y: Float64Array, a: number, b: number): boolean {
    for (let t = 0; t < this.dims; t++) if (y[a * this.dims + t] !== y[b * this.dims + t]) return false;
    return true;
  }

  private octant(node: number, y: Float64Array, i: number): number {
    let o = 0;
    for (let t = 0; t < this.dims; t++) if (y[i * this.dims + t]! > this.centres[node * this.dims + t]!) o |= 1 << t;
    return o;
  }

  private split(node: number): number {
    const { dims, stride } = this;
    const first = this.size;
    for (let ch = 0; ch < this.fan; ch++) this.newNode();
    const h = this.nodes[node * stride + this.HALF]! / 2;
    for (let ch = 0; ch < this.fan; ch++) {
      const c = first + ch;
      this.nodes[c * stride + this.HALF] = h;
      for (let t = 0; t < dims; t++) this.centres[c * dims + t] = this.centres[node * dims + t]! + ((ch >> t) & 1 ? h : -h);
    }
    this.nodes[node * stride + this.CHILD] = first;
    return first;
  }

  private newNode(): number {
    if (this.size === this.capacity) this.grow();
    const node = this.size++;
    const r = node * this.stride;
    this.nodes.fill(0, r, r + this.stride);
    this.nodes[r + this.CHILD] = -1;
    this.nodes[r + this.POINT] = -1;
    return node;
  }

  private grow(): void {
    const cap = this.capacity * 2;
    const nodes = new Float64Array(cap * this.stride);
    nodes.set(this.nodes);
    const centres = new Float64Array(cap * this.dims);
    centres.set(this.centres);
    this.nodes = nodes;
    this.centres = centres;
    this.capacity = cap;
  }
}
