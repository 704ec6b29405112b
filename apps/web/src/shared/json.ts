// Reading JSON the console did not write (manifests, rules SWR recorded, resource details)
// without a schema library: each helper says what the value is, or undefined when it is not.
export { fieldsOf, itemsOf, numberOf, parseJson, stringOf } from '@swr-console/swr-api';
