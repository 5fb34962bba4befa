import { loadConfigOrExit } from '@trialflow/config';
import { createApiApp } from './api-app.js';
import { OPENAPI_UI_PATH } from './openapi.js';

const config = loadConfigOrExit();
const app = await createApiApp(config);
await app.listen(config.api.port, config.api.host);
const base = (await app.getUrl()).replace('[::1]', 'localhost');
console.log(JSON.stringify({ msg: 'api listening', api: base, docs: `${base}/${OPENAPI_UI_PATH}` }));
