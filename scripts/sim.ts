// `npm run sim`: the DC/OS simulator alone, answering the DC/OS API paths (point `DCOS_URL` at it).
import { createServer } from 'node:http';
import { SIM_CONTROL_NOTICE, readSimConfig, readSimControl } from '../src/mocks/config.ts';
import { BOOTSTRAP_PASSWORD, BOOTSTRAP_UID } from '../src/mocks/db/create-db.ts';
import { unsealKeyLines } from '../src/mocks/db/secrets.ts';
import { createSimMiddleware } from '../src/mocks/sim-server.ts';
import { createSimulator } from '../src/mocks/simulator.ts';

const port = Number(process.env.SIM_PORT ?? 8101);
const host = process.env.SIM_HOST ?? '127.0.0.1';
const config = readSimConfig();
const control = readSimControl();
const simulator = await createSimulator(config, { control });
const middleware = createSimMiddleware(simulator);

createServer((req, res) => {
  middleware(req, res, () => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain');
    res.end(
      'Not a DC/OS API path. The simulator answers /acs/, /secrets/v1/, /dcos-metadata/ and /__sim/ (its identity provider, and the test-only control API with SIM_CONTROL=1).\n',
    );
  });
}).listen(port, host, () => {
  console.log(
    `DC/OS simulator on http://${host}:${port} (security mode: ${config.securityMode}, token TTL: ${config.tokenTtlSeconds} s)`,
  );
  console.log(`Sign in as ${BOOTSTRAP_UID} / ${BOOTSTRAP_PASSWORD}`);
  for (const line of unsealKeyLines(simulator.context.defaultDb)) console.log(line);
  if (control) console.log(SIM_CONTROL_NOTICE);
});
