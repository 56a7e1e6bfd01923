// The W1 peer protocol run_w1.py reads, once for every node peer: the last three arguments are
// STEPS RUNS WARMUP_STEPS; it prints CHECK {json}, then one warm-up and RUNS timed trials as RUN seconds steps,
// then SINK (the trials' loss sum, so no work can be optimised away) and a note.
'use strict';
// check() -> the object check_toy.py compares (or a promise of it); trial(steps) -> [seconds, loss sum];
// note() -> what the SINK line adds (library versions), asked after the trials.
async function main(check, trial, note) {
  const [steps, runs, warm] = process.argv.slice(-3).map(Number);
  console.log('CHECK ' + JSON.stringify(await check()));
  let sink = trial(warm)[1];
  for (let r = 0; r < runs; r++) { const [dt, s] = trial(steps); sink += s; console.log(`RUN ${dt.toFixed(6)} ${steps}`); }
  console.log(`SINK ${sink} ${note()}`);
}
module.exports = { main };
