// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SEED_SAML_ENTITY_ID, SEED_SAML_METADATA } from '@/mocks/db/sso.ts';
import { metadataEntityId, metadataProblem, parseXmlElements } from './xml-check.ts';

describe('IdP metadata checks', () => {
  it('accept the seeded metadata and find its entity ID', () => {
    expect(metadataProblem(SEED_SAML_METADATA)).toBeNull();
    expect(metadataEntityId(SEED_SAML_METADATA)).toBe(SEED_SAML_ENTITY_ID);
  });

  it.each([
    ['<a><b></a></b>', 'unexpected </a>'],
    ['<a x="1" x="2"/>', 'bad attribute x'],
    ['<a x=1/>', 'bad attribute syntax'],
    ['<a/><b/>', 'a second root element'],
    ['text<a/>', 'text outside the root element'],
    ['<a>&nbsp;</a>', 'bad character data'],
    ['<!DOCTYPE a><a/>', 'DOCTYPE'],
    ['<md:a/>', 'the namespace prefix md is not declared'],
    ['', 'no root element'],
  ])('refuse %s', (xml, why) => {
    expect(() => parseXmlElements(xml)).toThrow(why);
  });

  it('allow comments, processing instructions, CDATA and entities', () => {
    expect(
      parseXmlElements('<?xml version="1.0"?><!-- c --><a t="&amp;"><![CDATA[<x>]]>&lt;&#65;</a>').map(
        (e) => e.localName,
      ),
    ).toEqual(['a']);
    expect(
      parseXmlElements('<a xmlns:md="urn:x" xml:lang="en"><md:b md:c="1"/></a><!-- after -->').map((e) => e.localName),
    ).toEqual(['a', 'b']);
    expect(() => parseXmlElements('<a><b xmlns:md="urn:x"/><md:c/></a>')).toThrow(
      'the namespace prefix md is not declared',
    );
  });
});
