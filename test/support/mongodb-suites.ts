/**
 * Every test file that runs against MongoDB. When MongoDB cannot be had they skip, and the run
 * names each of them so nobody mistakes a skip for a pass (test/architecture checks the list).
 */
export const MONGODB_SUITES = [
  { file: 'test/contract/mongo-store.test.ts', what: 'the MongoDB store and child-store contract suites' },
  { file: 'test/contract/scheduler-backend-mongo.test.ts', what: "Agenda's MongoDB backend contract suite" },
  { file: 'test/scheduler/start-scheduler.test.ts', what: 'its case that keeps jobs in MongoDB' },
  { file: 'test/faults/two-processes.test.ts', what: 'two PEP Bot processes sharing one MongoDB database' },
] as const;
