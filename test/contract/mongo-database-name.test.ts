import { describe, expect, it } from 'vitest';
import { databaseName } from '../../src/stores/mongo/database-name.js';

describe('MongoDB database name', () => {
  it.each([
    { uri: 'mongodb://mongo:27017', dbName: undefined, expected: 'pep-bot' },
    { uri: 'mongodb://mongo:27017/?replicaSet=rs0', dbName: undefined, expected: 'pep-bot' },
    { uri: 'mongodb://a:27017,b:27017/pep-prod?replicaSet=rs0', dbName: undefined, expected: 'pep-prod' },
    { uri: 'mongodb+srv://bot:s%2Fcret@cluster0.example.net/pep%20bot?retryWrites=true', dbName: undefined, expected: 'pep bot' },
    { uri: 'mongodb://mongo:27017/pep-prod', dbName: 'pep_test_1', expected: 'pep_test_1' },
  ])('$uri with dbName $dbName → $expected', ({ uri, dbName, expected }) => {
    expect(databaseName(uri, dbName)).toBe(expected);
  });
});
