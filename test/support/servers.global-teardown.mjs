export default async function tearDownServers() {
  const servers = globalThis.__trialflowServers;
  globalThis.__trialflowServers = undefined;
  await servers?.stop();
}
