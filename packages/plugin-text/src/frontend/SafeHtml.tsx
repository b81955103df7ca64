/**
 * The one element that puts a text summary's HTML into the page. The server sanitized it
 * already (TensorBoard's allow-list); this element checks it once more against the same
 * list before it touches the document: the HTML is parsed into an inert `<template>` (no
 * script runs, no image loads there), any element not allowed becomes its plain text,
 * attributes not allowed and URLs of other schemes are dropped, comments removed. Links
 * open in a new tab, so a note's link never navigates the dashboard away.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS, isAllowedUrl } from '../allow-list.js';

const TAGS = new Set(ALLOWED_TAGS.map((t) => t.toUpperCase()));
const URL_ATTRIBUTES = new Set(['href', 'src']);

/** Makes `root`'s subtree hold only allowed elements and attributes, in place. */
export function enforceAllowList(root: Node): void {
  const doc = root.ownerDocument ?? (root as Document);
  for (let node = root.firstChild; node; ) {
    const next = node.nextSibling;
    if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      if (!TAGS.has(el.tagName.toUpperCase())) {
        el.replaceWith(doc.createTextNode(el.textContent ?? ''));
      } else {
        const allowed = ALLOWED_ATTRIBUTES[el.tagName.toLowerCase()] ?? [];
        for (const { name, value } of [...el.attributes]) {
          if (!allowed.includes(name) || (URL_ATTRIBUTES.has(name) && !isAllowedUrl(value))) el.removeAttribute(name);
        }
        if (el.tagName === 'A') {
          el.setAttribute('target', '_blank');
          el.setAttribute('rel', 'noopener noreferrer');
        }
        if (el.tagName === 'IMG') el.setAttribute('loading', 'lazy');
        enforceAllowList(el);
      }
    } else if (node.nodeType !== Node.TEXT_NODE) {
      node.parentNode?.removeChild(node);
    }
    node = next;
  }
}

/** `html` parsed inert and held to the allow-list, as a fragment ready to insert. */
export function safeFragment(html: string, doc: Document = document): DocumentFragment {
  const template = doc.createElement('template');
  template.innerHTML = html;
  enforceAllowList(template.content);
  return template.content;
}

export interface SafeHtmlProps {
  /** HTML from the text route (sanitized there). */
  readonly html: string;
  readonly class?: string;
  readonly testId?: string;
  /** Extra data attributes, e.g. the step shown. */
  readonly step?: number;
}

/** A `<div>` whose content is `html`, set by this element only (Preact renders no children into it). */
export function SafeHtml(props: SafeHtmlProps) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.replaceChildren(safeFragment(props.html, el.ownerDocument));
  }, [props.html]);
  return <div ref={ref} class={props.class} data-testid={props.testId} data-step={props.step} />;
}
