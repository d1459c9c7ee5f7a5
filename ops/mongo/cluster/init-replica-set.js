// The one-shot mongo-init container of docker-compose.cluster.yml (mongosh --nodb), on every `docker compose up`:
// initiates replica set rs0 over the three members once, waits for a primary, and gives each service a user in its
// own database with readWrite on that database only (as ops/mongo/initdb does on the single node), unless the user
// exists. Signed in as root (created by mongo-1's first start); every password comes from the environment (.env).
const members = ['mongo-1:27017', 'mongo-2:27017', 'mongo-3:27017'];
const databases = {
  'lead-service': 'leads',
  'customer-service': 'customers',
  'order-service': 'orders',
  'reporting-service': 'reporting',
  'webhook-service': 'webhooks',
};
const NOT_YET_INITIALIZED = 94;

function signedIn(host) {
  const admin = new Mongo('mongodb://' + host + '/?directConnection=true').getDB('admin');
  admin.auth('root', process.env.MONGO_ROOT_PASSWORD);
  return admin;
}

const first = signedIn(members[0]);
try {
  first.runCommand({ replSetGetStatus: 1 });
  print('replica set rs0 already initiated');
} catch (e) {
  if (e.code !== NOT_YET_INITIALIZED) {
    throw e;
  }
  // mongo-1 holds the root user, so it must win the first election: the others start empty and copy from it
  first.runCommand({ replSetInitiate: { _id: 'rs0', members: members.map((host, i) => ({
    _id: i, host: host, priority: i === 0 ? 2 : 1 })) } });
  print('initiated replica set rs0: ' + members.join(', '));
}

let primary = null;
for (let attempt = 0; attempt < 120 && !primary; attempt++) {
  primary = first.runCommand({ hello: 1 }).primary || null;
  if (!primary) {
    sleep(1000);
  }
}
if (!primary) {
  throw new Error('no primary in rs0 after 120 s');
}

const admin = signedIn(primary);
for (const [service, database] of Object.entries(databases)) {
  const variable = 'MONGO_PASSWORD_' + service.toUpperCase().replace(/-/g, '_');
  const password = process.env[variable];
  if (!password) {
    throw new Error(variable + ' is not set');
  }
  const db = admin.getSiblingDB(database);
  if (db.getUser(service) !== null) {
    print('user ' + service + ' exists');
    continue;
  }
  db.createUser({
    user: service,
    pwd: password,
    roles: [{ role: 'readWrite', db: database }],
  }, { w: 'majority' });
  print('created user ' + service + ' with readWrite on ' + database);
}
