// The playground page: sends the editor's script to POST /run, shows output, error and charts; Stop posts /stop/{id}.
'use strict';
const $ = (id) => document.getElementById(id);
let current = null; // the id of the run in progress

function newId() {
  if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
  return 'run-' + Date.now() + '-' + Math.floor(Math.random() * 1e9);
}

function setStatus(kind, text) {
  $('status').dataset.kind = kind;
  $('status').textContent = text;
}

function utf8Base64(text) {
  const bytes = new TextEncoder().encode(text);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function show(result) {
  $('output').textContent = result.output;
  const err = $('error');
  if (result.error) {
    const where = result.error.line > 0 ? ` (line ${result.error.line}, column ${result.error.column})` : '';
    err.textContent = `${result.error.name}: ${result.error.message}${where}`;
    err.hidden = false;
  } else {
    err.hidden = true;
  }
  const charts = $('charts');
  charts.replaceChildren();
  for (const chart of result.charts) {
    const img = document.createElement('img');
    img.alt = chart.name;
    img.title = chart.name;
    // an <img> never runs scripts inside an SVG
    img.src = chart.svg != null ? 'data:image/svg+xml;base64,' + utf8Base64(chart.svg) : 'data:image/png;base64,' + chart.png;
    charts.appendChild(img);
  }
  setStatus(result.kind, `${result.kind} in ${result.ms} ms`);
}

async function run() {
  const id = newId();
  current = id;
  $('run').disabled = true;
  $('stop').disabled = false;
  $('error').hidden = true;
  $('output').textContent = '';
  $('charts').replaceChildren();
  setStatus('running', 'running…');
  try {
    const url = '/run?id=' + encodeURIComponent(id) + '&timeLimit=' + encodeURIComponent($('time-limit').value);
    const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/javascript' }, body: $('code').value });
    const body = await res.json();
    if (res.ok) {
      show(body);
    } else {
      setStatus(res.status === 503 ? 'busy' : 'error', body.message);
    }
  } catch (e) {
    setStatus('error', 'the server did not answer: ' + e.message);
  } finally {
    if (current === id) current = null;
    $('run').disabled = false;
    $('stop').disabled = true;
  }
}

async function stop() {
  if (current) await fetch('/stop/' + encodeURIComponent(current), { method: 'POST' });
}

async function loadExample() {
  const name = $('example').value;
  if (!name) return;
  const res = await fetch('/examples/' + name + '.js');
  $('code').value = await res.text();
}

async function info() {
  const res = await fetch('/info');
  const i = await res.json();
  $('runtime').textContent = `${i.runtime}${i.optimizing ? ' (optimizing)' : ' (interpreted)'} · Java ${i.java} · time limit up to ${i.maxTimeLimit}`;
}

$('run').addEventListener('click', run);
$('stop').addEventListener('click', stop);
$('example').addEventListener('change', loadExample);
$('code').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); }
});
info();
