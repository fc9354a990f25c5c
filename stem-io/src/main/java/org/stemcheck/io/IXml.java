package org.stemcheck.io;

import java.io.IOException;
import java.io.StringReader;
import java.util.Objects;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Parses iXML chunk text safely: DTDs, external entities and XInclude are refused (no XXE). */
public final class IXml {

    private IXml() {
    }

    /**
     * Parses iXML text into a DOM. Thread-safe: each call uses its own parser.
     *
     * @param xml the text of an {@code iXML} chunk, as {@link Metadata#ixml()} holds it
     * @return the parsed document; the caller may modify it
     * @throws IllegalArgumentException when the text is not well-formed XML or declares a DTD
     */
    public static Document parse(String xml) {
        Objects.requireNonNull(xml, "xml must not be null");
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a required safety feature", e);
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("iXML is not well-formed or declares a DTD: " + e.getMessage(), e);
        }
    }
}
