// @ts-check
/**
 * Building DOM nodes without templates or innerHTML.
 *
 * Every text from the API goes in as a text node, so it can never turn into markup. The one
 * exception is `richText()`, used only for fields the contract declares as rich text: the hub
 * renders those as HTML from its editor's limited feature set and resolves their links.
 */

/** @typedef {Node | string | number | null | undefined | false} Child */

/**
 * An element with attributes and children.
 *
 * Attributes whose value is null, undefined or false are left out; `true` sets an empty
 * attribute. Children that are strings or numbers become text nodes; null, undefined and
 * false are skipped, and arrays are flattened, so optional parts can be written inline.
 *
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | number | boolean | null | undefined>} [attributes]
 * @param {...(Child | Child[])} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

/**
 * Appends children as `el()` takes them.
 *
 * @param {Node} parent
 * @param {(Child | Child[])[]} children
 */
export function append(parent, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false || child === "") continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/**
 * Replaces everything inside `parent` with `children`.
 *
 * @param {Element} parent
 * @param {...(Child | Child[])} children
 */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  append(parent, children);
}

/**
 * A container holding rich text from the API.
 *
 * Only for fields the contract types as rich text (resolved HTML from the hub's editor);
 * never for plain text fields, which `el()` escapes.
 *
 * @param {string | null | undefined} html
 * @param {string} [className]
 * @returns {HTMLDivElement | null} null when there is no text
 */
export function richText(html, className = "rich-text") {
  if (!html) return null;
  const container = el("div", { class: className });
  container.innerHTML = html;
  return container;
}

/**
 * A heading element for a level the API gives as "h2" … "h4"; anything else becomes h2.
 *
 * @param {unknown} level
 * @returns {"h2" | "h3" | "h4"}
 */
export function headingTag(level) {
  return level === "h3" || level === "h4" ? level : "h2";
}
