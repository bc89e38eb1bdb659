export { MersenneTwister, RandomValueError } from './random.js';
