/**
 * The points' shader: size attenuation (nearer is bigger), a colour per point, a state
 * per point (normal, search match, neighbour, selected, hidden) that sizes,
 * rings or hides it, dimming of the others while anything is in focus, and sprite
 * thumbnails from one texture atlas (the point's index picks its cell).
 */

/** A point's `state` attribute. */
export const PointState = {
  normal: 0,
  match: 1,
  neighbor: 2,
  selected: 3,
  hidden: -1,
} as const;

/** Places and sizes each point (attenuated by distance, grown by its state, 0 when hidden). */
export const VERTEX_SHADER = /* glsl */ `
attribute vec3 pointColor;
attribute float state;
attribute float spriteIndex;
uniform float uSize;
uniform float uScale;
uniform float uSprites;
uniform float uFocus;
varying vec3 vColor;
varying float vState;
varying float vSprite;
void main() {
  vec4 mv = modelViewMatrix * vec4(position, 1.0);
  gl_Position = projectionMatrix * mv;
  vColor = pointColor;
  vState = state;
  vSprite = spriteIndex;
  float grow = state > 2.5 ? 1.7 : state > 0.5 ? 1.5 : 1.0;
  float size = uSize * (uSprites > 0.5 ? 2.5 : 1.0) * grow * uScale / max(-mv.z, 0.01);
  float least = state > 2.5 ? 12.0 : state > 0.5 ? 7.0 : 1.5;
  gl_PointSize = state < -0.5 ? 0.0 : clamp(size, least, 96.0);
  if (state > 0.5) gl_Position.z -= 0.02 * gl_Position.w;
}
`;

/** Draws a round dot or a sprite cell, rings the selected, fades the out-of-focus. */
export const FRAGMENT_SHADER = /* glsl */ `
uniform sampler2D uAtlas;
uniform vec2 uGrid;
uniform float uSprites;
uniform float uFocus;
uniform float uFramed;
uniform vec3 uBackground;
varying vec3 vColor;
varying float vState;
varying float vSprite;
void main() {
  if (vState < -0.5) discard;
  vec2 p = gl_PointCoord;
  bool inFocus = uFocus < 0.5 || vState > 0.5;
  vec4 color;
  if (uSprites > 0.5) {
    vec2 cell = vec2(mod(vSprite, uGrid.x), floor(vSprite / uGrid.x));
    color = texture2D(uAtlas, (cell + p) / uGrid);
    float edge = max(abs(p.x - 0.5), abs(p.y - 0.5));
    if (vState > 2.5 && edge > 0.40) color = vec4(1.0, 0.45, 0.0, 1.0);
    else if ((vState > 0.5 || uFramed > 0.5) && edge > 0.43) color = vec4(vColor, 1.0);
  } else {
    float d = length(p - 0.5);
    if (d > 0.5) discard;
    color = vec4(vColor, 1.0);
    if (vState > 2.5 && d > 0.36) color = vec4(1.0 - uBackground, 1.0);
    color.a *= smoothstep(0.5, 0.44, d);
  }
  if (!inFocus) color = vec4(mix(color.rgb, uBackground, 0.75), color.a * 0.6);
  gl_FragColor = color;
}
`;
