/**
 * Common French given names, accents folded, lower case. Written by us as data: no npm package
 * of French first names with a clear licence exists, and the project may not download INSEE's
 * "Fichier des prénoms" (data.gouv.fr, Licence Ouverte) at run time. The basis is that file's
 * published rankings: the names most given in France to births from the 1930s to the 2010s,
 * male and female, plus frequent compound heads. It is a lexicon for evidence, not a census:
 * a miss only lowers confidence, because header hints and civilities carry the rest.
 */
const NAMES = `
aaron abdel abdelkader abdoulaye adam adele adrien agathe agnes ahmed aicha alain alan albert
alexandra alexandre alexis alfred ali alice aline alix amandine amelie anais andre andree
angelique anne annick annie antoine antonin apolline arnaud arthur aurelie aurelien axel
baptiste basile bastien beatrice benedicte benjamin benoit bernadette bernard bertrand blanche
brigitte bruno camille capucine carole caroline catherine cecile celine chantal charles
charlotte chloe christian christiane christine christophe claire clara claude claudine clement
clemence colette coralie corinne cyril cyrille damien daniel daniele danielle david delphine
denis denise didier dominique dylan edith edouard eliane elisa elisabeth elise ella elodie eloise
emile emilie emma emmanuel emmanuelle enzo eric erwan estelle ethan etienne eugene eva evelyne
fabien fabienne fabrice fanny fatima fatoumata florence florent florian francis franck francois
francoise frederic frederique gabriel gabrielle gaelle gael georges gerard germaine gilbert
gilles ginette gisele guillaume guy guylaine helene henri henriette herve hugo hugues ines irene
isabelle jacqueline jacques jade jean jeanine jeanne jeannine jennifer jeremy jerome jessica
joel joelle johan jonathan jordan joseph josette josiane jules julie julien juliette justine
karine kevin laetitia laura laure laurence laurent lea lea leo leon leonie lina lionel lisa loic
lola lou louis louise luc lucas lucie lucien lucienne ludovic lydie madeleine maelle maeva
magali manon marc marcel marcelle margaux margot marguerite maria marie marine marion marius
martin martine maryse mathilde mathieu matteo matthieu maurice maxime melanie melissa michel
michele micheline mickael mireille mohamed monique morgane muriel myriam nadege nadia nadine
nathalie nathan neo nicolas nicole noah noe noemie odette odile olivier oceane pascal pascale
patrice patricia patrick paul paule pauline perrine philippe pierre quentin rachel raphael
raymond raymonde regine remi renee rene richard robert roger romain romane rose sabine sacha
samuel sandra sandrine sarah sebastien serge severine simon simone solange sophie stephane
stephanie suzanne sylvain sylvie theo thierry thomas timothee tom valentin valentine valerie
vanessa veronique victor victoria vincent virginie xavier yann yannick yves yvette yvonne zoe
abel achille alban albane alexia alicia amaury ambre anatole andrea angele antonia ariane armand
arnold astrid augustin aurore axelle barbara baptistine bertille brice candice cedric celia
chantale charlene chrystelle clothilde constance corentin cyprien diane edmond eleonore eliott
elsa emeline emilien eric esteban eugenie evan fernand fernande flavie gaston gauthier gaetan
genevieve geoffrey ghislaine gregoire gregory gustave gwenaelle helena hortense ibrahim ivan
jacky janine jason jocelyne josephine jules kylian leane leandre lena leonard leontine liam
lilou lino lorenzo louna lucile lucille maelys malo marceline marin marthe maximilien mael
mehdi mila nael nathan nina noel noelle norbert octave oscar pauline paulette rayan remy rodolphe
roland rosalie ruben salome sami samia sebastienne solene tristan ugo ulysse victorine violette
wilfried william yanis yasmine yohann youssef zacharie
`;

export const FIRST_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter(Boolean));
