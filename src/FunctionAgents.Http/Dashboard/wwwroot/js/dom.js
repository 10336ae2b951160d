// Small DOM helpers: elements are built with h() and text nodes, never innerHTML, so API data is always text.

/** Creates an element: h('a', { href: '#/runs', class: 'x', onclick: fn }, 'text', child). */
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

/** Creates an SVG element with attributes. */
export function svg(tag, attributes, ...children) {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value !== undefined && value !== null) element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of an element. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

export function badge(value, label) {
  return h('span', { class: `badge ${value ?? ''}` }, label ?? String(value ?? '').replaceAll('_', ' '));
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** A time element: local time shown, the exact UTC value in datetime and title. */
export function time(value) {
  if (!value) return h('span', { class: 'muted' }, '—');
  const date = new Date(value);
  return h('time', { datetime: date.toISOString(), title: date.toISOString() }, dateTime.format(date));
}

/** US dollars with up to six decimals (model calls cost fractions of a cent). */
export function usd(value) {
  if (value === null || value === undefined) return '—';
  const number = Number(value);
  return '$' + number.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: number !== 0 && Math.abs(number) < 0.01 ? 6 : 4 });
}

export function percent(value) {
  return value === null || value === undefined ? '—' : `${(Number(value) * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;
}

/** "in 54 min" / "3 min ago" for an instant. */
export function relative(value, now = Date.now()) {
  const minutes = Math.round((new Date(value).getTime() - now) / 60000);
  const abs = Math.abs(minutes);
  const text = abs < 1 ? 'less than a minute' : abs < 120 ? `${abs} min` : `${Math.round(abs / 60)} h`;
  return minutes >= 0 ? `in ${text}` : `${text} ago`;
}

export function json(value) {
  return h('pre', {}, JSON.stringify(value, null, 2));
}

/** A notice box: kind is 'error', 'warn', 'ok' or undefined (information). */
export function notice(kind, ...children) {
  return h('div', { class: `notice ${kind ?? ''}`, role: kind === 'error' ? 'alert' : 'status' }, ...children);
}

/** The date part (yyyy-MM-dd) of a UTC instant. */
export function utcDay(date) {
  return date.toISOString().slice(0, 10);
}

export function shortHash(value) {
  return value ? h('code', { title: value }, value.slice(0, 12)) : '—';
}

/** A tool input as a person reads it: each field on its own line, text with its real line breaks; the JSON on demand. */
export function fields(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return json(value);
  return h('div', {},
    h('dl', { class: 'fields' }, Object.entries(value).map(([name, field]) => [
      h('dt', {}, name),
      h('dd', {}, typeof field === 'string' ? field : JSON.stringify(field)),
    ])),
    h('details', {}, h('summary', {}, 'As JSON'), json(value)));
}
