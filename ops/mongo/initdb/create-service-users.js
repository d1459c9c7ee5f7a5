// Runs once, on the first start of an empty data volume (the mongo image's /docker-entrypoint-initdb.d), signed in
// as the root user. Each service gets a user in its own database with readWrite on that database only, so a
// service's credentials open nothing of another's. Passwords come from the environment (.env), never from here.
const databases = {
  'lead-service': 'leads',
  'customer-service': 'customers',
  'order-service': 'orders',
  'reporting-service': 'reporting',
  'webhook-service': 'webhooks',
};

for (const [service, database] of Object.entries(databases)) {
  const variable = 'MONGO_PASSWORD_' + service.toUpperCase().replace(/-/g, '_');
  const password = process.env[variable];
  if (!password) {
    throw new Error(variable + ' is not set');
  }
  db.getSiblingDB(database).createUser({
    user: service,
    pwd: password,
    roles: [{ role: 'readWrite', db: database }],
  });
  print('created user ' + service + ' with readWrite on ' + database);
}
